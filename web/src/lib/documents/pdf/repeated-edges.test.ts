// Running headers and footers: the same text, digits aside, at the same place on most pages.
import { describe, expect, it } from 'vitest';
import { groupLines } from './lines.ts';
import { edgeKey, findRepeatedEdges, type PageLines } from './repeated-edges.ts';
import { run } from './test-runs.ts';

describe('edgeKey', () => {
  it.each([
    ['Page 2 of 10', 'page # of #'],
    ['  February 10, 2026   Byungjin Park · Résumé 3 ', 'february #, # byungjin park · résumé #'],
    ['12', '#'],
    ['Jordan Rivera · CV', 'jordan rivera · cv'],
  ])('%j → %j', (text, key) => {
    expect(edgeKey(text)).toBe(key);
  });
});

const HEIGHT = 842;

/** An A4 page with a header at 800, body lines from 780 down, and a footer at 30. */
function page(header: string, body: string[], footer: string): PageLines {
  const lines = groupLines([
    run(header, 300, 800, { size: 8 }),
    ...body.map((text, i) => run(text, 50, 780 - i * 12)),
    run(footer, 280, 30, { size: 8 }),
  ]);
  return { lines, height: HEIGHT };
}

const dropped = (pages: PageLines[]) =>
  findRepeatedEdges(pages).map((set, i) => pages[i]!.lines.filter((line) => set.has(line)).map((line) => line.text));

describe('findRepeatedEdges', () => {
  it('finds a header and a numbered footer repeated on every page', () => {
    const bodies = [['Summary', 'Experience'], ['Projects', 'Talks'], ['Education', 'Skills']];
    const pages = [1, 2, 3].map((n) => page('Jordan Rivera · CV', bodies[n - 1]!, `Page ${n} of 3`));
    expect(dropped(pages)).toEqual([1, 2, 3].map((n) => ['Jordan Rivera · CV', `Page ${n} of 3`]));
  });

  it('needs the repeat on at least half the pages', () => {
    const pages = [
      page('Title page', ['Intro'], '1'),
      page('Running head', ['Summary'], '2'),
      page('Running head', ['Experience'], '3'),
      page('Other', ['Education'], '4'),
    ];
    expect(dropped(pages)).toEqual([['1'], ['Running head', '2'], ['Running head', '3'], ['4']]);
  });

  it('ignores the same text at a different height', () => {
    const first = page('Header', ['Skills'], 'x');
    const second = { lines: groupLines([run('Header', 300, 760, { size: 8 }), run('Skills', 50, 700)]), height: HEIGHT };
    expect(dropped([first, second])).toEqual([[], []]);
  });

  it('keeps repeated lines that stand away from the top and bottom edges', () => {
    const pages = [1, 2].map(() => ({
      lines: groupLines([run('Skills', 50, 600), run('References on request', 50, 400), run('1', 280, 30)]),
      height: HEIGHT,
    }));
    expect(dropped(pages)).toEqual([['1'], ['1']]);
  });

  it('keeps the line of a page that has nothing else', () => {
    const pages = [1, 2, 3].map((n) => ({ lines: groupLines([run(`Slide ${n} of 3`, 50, 800)]), height: HEIGHT }));
    expect(dropped(pages)).toEqual([[], [], []]);
  });

  it('drops nothing from a single page', () => {
    expect(dropped([page('Header', ['body'], '1')])).toEqual([[]]);
  });
});
