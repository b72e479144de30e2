// Lines into text: wrapped prose joined, paragraph gaps, bullets and table rows kept apart, split words mended.
import { describe, expect, it } from 'vitest';
import { writeBlocks } from './paragraphs.ts';
import { column, linesOf, run } from './test-runs.ts';

const full = 'x'.repeat(40);

describe('writeBlocks', () => {
  it('joins lines that run to the margin into one paragraph and ends it at a short line', () => {
    const lines = linesOf(column([`${full} one`, `${full} two`, 'short end'], 20, 200));
    expect(writeBlocks([lines])).toBe(`${full} one ${full} two short end`);
  });

  it('starts a new paragraph where the gap is wider than the line pitch', () => {
    const lines = linesOf([
      ...column([`${full} a`, `${full} b`, 'end of first'], 20, 200),
      ...column(['second paragraph', 'and more'], 20, 160),
    ]);
    expect(writeBlocks([lines])).toBe(`${full} a ${full} b end of first\n\nsecond paragraph\nand more`);
  });

  it('keeps bullets on lines of their own and joins their wrapped lines', () => {
    const lines = linesOf([
      run(`• ${full} first`, 20, 200),
      run('continued here', 28, 188),
      run('• second item', 20, 176),
      run('- third item', 20, 164),
    ]);
    expect(writeBlocks([lines])).toBe(`• ${full} first continued here\n• second item\n- third item`);
  });

  it('keeps a heading apart from the text under it', () => {
    const lines = linesOf([run('Experience', 20, 200, { size: 14 }), ...column([`${full} body`, 'end'], 20, 184)]);
    expect(writeBlocks([lines])).toMatch(new RegExp(`^Experience\\n\\n?${full} body end$`));
  });

  it('keeps table rows (a tab-stop gap inside the line) on lines of their own', () => {
    const lines = linesOf([
      run('2021', 20, 200, { right: 40 }),
      run('2nd Place, GameDay', 60, 200, { right: 160 }),
      run('Online', 400, 200, { right: 430 }),
      run('2020', 20, 188, { right: 40 }),
      run('Finalist, DEFCON', 60, 188, { right: 160 }),
      run('Las Vegas', 380, 188, { right: 430 }),
    ]);
    expect(writeBlocks([lines])).toBe('2021 2nd Place, GameDay Online\n2020 Finalist, DEFCON Las Vegas');
  });

  it('mends a word split with a soft hyphen, and one split with a hyphen in wrapped prose', () => {
    const lines = linesOf(column([`${full} Con\u00AD`, `sul and ${full} recov-`, 'ery done'], 20, 200));
    expect(writeBlocks([lines])).toBe(`${full} Consul and ${full} recovery done`);
  });

  it('turns soft hyphens inside words into hyphens', () => {
    expect(writeBlocks([linesOf([run('high\u00ADimpact work', 20, 200)])])).toBe('high-impact work');
  });

  it('carries a sentence on from the bottom of one column to the top of the next', () => {
    const left = linesOf(column([`${full} the words`, `${full} goes on`], 20, 200));
    const right = linesOf(column([`in the next column ${full}`, 'and ends.'], 300, 200));
    expect(writeBlocks([left, right])).toBe(`${full} the words ${full} goes on in the next column ${full} and ends.`);
  });

  it('separates blocks that do not carry on', () => {
    const first = linesOf(column(['Heading one.'], 20, 200));
    const second = linesOf(column(['Next part'], 20, 100));
    expect(writeBlocks([first, second])).toBe('Heading one.\n\nNext part');
  });
});
