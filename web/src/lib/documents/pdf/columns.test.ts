// Reading order of blocks: gutters between columns, full-width parts above and below, non-columns left alone.
import { describe, expect, it } from 'vitest';
import { readingBlocks } from './columns.ts';
import { groupLines } from './lines.ts';
import type { Run } from './runs.ts';
import { column, run } from './test-runs.ts';

const blockTexts = (runs: Run[]) => readingBlocks(runs).map((block) => groupLines(block).map((line) => line.text));

const leftWords = ['left one aaaa bbbb', 'left two cccc dddd', 'left three eeee ff', 'left four gggg hhh', 'left five iiii jjj'];
const rightWords = ['right one kkkk lll', 'right two mmmm nnn', 'right three ooo pp', 'right four qqqq rr'];

describe('readingBlocks', () => {
  it('reads a full-width title, then the left column, then the right, then a full-width footer', () => {
    const runs = [
      run('A Title That Spans The Whole Page Width', 20, 200, { right: 380 }),
      ...column(leftWords, 20, 180),
      ...column(rightWords, 220, 180),
      run('A closing line that also spans the whole width', 20, 100, { right: 380 }),
    ];
    expect(blockTexts(runs)).toEqual([
      ['A Title That Spans The Whole Page Width'],
      leftWords,
      rightWords,
      ['A closing line that also spans the whole width'],
    ]);
  });

  it('reads columns whose baselines do not line up', () => {
    const runs = [...column(leftWords, 20, 180, 12), ...column(rightWords, 220, 175, 14.5)];
    expect(blockTexts(runs)).toEqual([leftWords, rightWords]);
  });

  it('reads a narrow sidebar as a column of its own', () => {
    const sidebar = ['Contact', 'Skills', 'Go, SQL', 'Languages', 'English'];
    const main = ['Experience at a company with a long line', 'more words that fill the main column up', 'and yet more text that runs to the edge'];
    const runs = [...column(sidebar, 20, 180), ...column(main, 120, 180)];
    expect(blockTexts(runs)).toEqual([sidebar, main]);
  });

  it('keeps a date column beside its rows: too narrow to be a column', () => {
    const runs = [
      ...column(['2021', '2020', '2018', '2017'], 20, 180),
      ...column(
        ['2nd Place, GameDay, a long description of the award', 'Finalist, a long description of the final', 'Finalist, another long description of it', 'Finalist, and the last long description'],
        60,
        180,
      ),
    ];
    expect(blockTexts(runs)).toEqual([
      [
        '2021 2nd Place, GameDay, a long description of the award',
        '2020 Finalist, a long description of the final',
        '2018 Finalist, another long description of it',
        '2017 Finalist, and the last long description',
      ],
    ]);
  });

  it('does not split prose whose word gaps happen to line up for a line or two', () => {
    const prose = [
      run('one two', 20, 180, { right: 100 }),
      run('three four', 130, 180, { right: 300 }),
      ...column(['a line that runs all the way across the page width now', 'another long line that crosses the middle of the page'], 20, 168),
      run('five six', 20, 144, { right: 100 }),
      run('seven', 130, 144, { right: 300 }),
      ...column(['and a third line that crosses the middle once more', 'with a fourth line crossing too'], 20, 132),
    ];
    expect(blockTexts(prose)).toHaveLength(1);
  });

  it('gives nothing for a page without text', () => {
    expect(readingBlocks([run(' ', 20, 100)])).toEqual([]);
  });
});
