// Runs into lines: baselines with jitter and scripts, left-to-right order, spaces from gaps.
import { describe, expect, it } from 'vitest';
import { groupLines, joinRuns } from './lines.ts';
import { run } from './test-runs.ts';

const texts = (runs: Parameters<typeof groupLines>[0]) => groupLines(runs).map((line) => line.text);

describe('groupLines', () => {
  it('reads lines top to bottom and runs left to right, whatever order pdf.js gave them in', () => {
    expect(texts([run('second', 10, 88), run('line', 60, 88), run('first', 10, 100), run('line', 50, 100)])).toEqual([
      'first line',
      'second line',
    ]);
  });

  it('keeps runs whose baselines jitter by a fraction of a point on one line', () => {
    expect(texts([run('a', 10, 100), run('b', 20, 100.8), run('c', 30, 99.3)])).toEqual(['a b c']);
  });

  it('folds a superscript and a subscript into their line', () => {
    const runs = [
      run('1', 10, 100, { right: 15 }),
      run('st', 15, 103.3, { size: 5.8, right: 21 }),
      run('place', 24, 100),
      run('H', 60, 100, { right: 67 }),
      run('2', 67, 98, { size: 5.8, right: 70 }),
      run('O', 70, 100, { right: 77 }),
    ];
    expect(texts(runs)).toEqual(['1st place H2O']);
  });

  it('does not fold a smaller line that sits below the one above', () => {
    expect(texts([run('Heading', 10, 100, { size: 14 }), run('small print', 10, 88, { size: 8 })])).toEqual([
      'Heading',
      'small print',
    ]);
  });

  it('drops a run drawn twice over itself (fake bold)', () => {
    expect(texts([run('Bold', 10, 100), run('Bold', 10.3, 100)])).toEqual(['Bold']);
  });

  it('orders a right-to-left line from the right', () => {
    expect(texts([run('שלום', 10, 100, { rtl: true }), run('עולם', 50, 100, { rtl: true })])).toEqual(['עולם שלום']);
  });

  it('keeps space runs out of the geometry', () => {
    const [line] = groupLines([run('Dunamu', 10, 100), run(' ', 40, 100, { right: 400 }), run('Seoul', 400, 100)]);
    expect(line).toMatchObject({ text: 'Dunamu Seoul', left: 10, right: 425 });
    expect(line!.widestGap).toBeCloseTo(360);
  });
});

describe('joinRuns', () => {
  it.each([
    ['no gap: one word split by a font change', [run('Con', 10, 0, { right: 25 }), run('sul', 25, 0)], 'Consul'],
    ['a gap of a third of an em', [run('two', 10, 0, { right: 25 }), run('words', 28.3, 0)], 'two words'],
    ['kerning of a tenth of an em', [run('tight', 10, 0, { right: 35 }), run('ly', 36, 0)], 'tightly'],
    ['overlap', [run('over', 10, 0, { right: 30 }), run('lap', 29, 0)], 'overlap'],
    ['a space already in the text', [run('left ', 10, 0, { right: 35 }), run('right', 37, 0)], 'left right'],
    ['runs of spaces inside items', [run('a   b', 10, 0)], 'a b'],
  ])('%s', (_name, runs, text) => {
    expect(joinRuns(runs, [])).toBe(text);
  });

  it('takes a narrow gap as a word break when pdf.js put a space item there', () => {
    const runs = [run('narrow', 10, 0, { right: 40 }), run('gap', 41, 0)];
    expect(joinRuns(runs, [run(' ', 40, 0, { right: 41 })])).toBe('narrow gap');
    expect(joinRuns(runs, [])).toBe('narrowgap');
  });

  it('ignores a space item lying under glyphs that touch', () => {
    const runs = [run('di', 10, 0, { right: 20 }), run('ffi', 20.05, 0, { right: 30 }), run('culties', 30, 0)];
    expect(joinRuns(runs, [run(' ', 20, 0, { right: 30 })])).toBe('difficulties');
  });
});
