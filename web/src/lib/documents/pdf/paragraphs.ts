// Lines of consecutive blocks written out as text: wrapped lines joined into paragraphs, a blank line
// where the vertical gap is wider than the line spacing, and words split by a line break made whole.

import { hardenSoftHyphens, joinSplitWord } from './hyphenation.ts';
import type { Line } from './lines.ts';
import { quantile } from './quantile.ts';

/** A gap this much wider than the usual line pitch starts a new paragraph. */
const PARAGRAPH_GAP = 1.3;
/** Pitch assumed when a block has too few lines to measure one, as a share of the font size. */
const DEFAULT_PITCH = 1.25;
/** A line ending this close to its block's right edge (share of the block width) ran to the margin. */
const FULL_LINE_SLACK = 0.12;
/** Lines whose font sizes differ by more than this many points are not one paragraph. */
const SIZE_TOLERANCE = 0.6;
/** A gap inside a line wider than this many ems is a tab stop: such a line is a table row, not prose. */
const TAB_STOP_EMS = 2.5;

const BULLET = /^(?:[•◦▪▫‣⁃●○■□➢➤►▶✓✔∙·]|[-–—*](?=\s))/u;
const SENTENCE_END = /[.!?:;)]$/;

/** Writes blocks (each a column's lines, top first) in order as paragraphs separated by blank lines. */
export function writeBlocks(blocks: readonly (readonly Line[])[]): string {
  const parts: string[] = [];
  let previous: { line: Line; full: boolean } | null = null;
  for (const block of blocks) {
    const lines = block.filter((line) => line.text !== '');
    if (lines.length === 0) continue;
    const left = Math.min(...lines.map((line) => line.left));
    const right = Math.max(...lines.map((line) => line.right));
    const pitch = linePitch(lines);
    lines.forEach((line, i) => {
      const above = lines[i - 1];
      let wrapped = false;
      let separator = '\n\n';
      if (previous && above) {
        const sameParagraph = above.baseline - line.baseline <= PARAGRAPH_GAP * pitch;
        wrapped = sameParagraph && previous.full && continues(above, line, left);
        separator = wrapped ? ' ' : sameParagraph ? '\n' : '\n\n';
      } else if (previous) {
        wrapped = previous.full && continuesAcross(previous.line, line);
        separator = wrapped ? ' ' : '\n\n';
      }
      const last = parts.length - 1;
      const joined = previous ? joinSplitWord(parts[last]!, line.text, wrapped) : null;
      if (joined !== null) parts[last] = joined;
      else parts.push(...(previous ? [separator, line.text] : [line.text]));
      previous = { line, full: right - line.right <= FULL_LINE_SLACK * (right - left) };
    });
  }
  return hardenSoftHyphens(parts.join(''));
}

/** The usual distance between baselines in a block: its lower-quartile gap, as paragraph gaps are the wider ones. */
function linePitch(lines: readonly Line[]): number {
  const gaps = lines.slice(1).map((line, i) => lines[i]!.baseline - line.baseline).filter((gap) => gap > 0);
  const size = quantile(lines.map((line) => line.size), 0.5);
  if (gaps.length < 2) return DEFAULT_PITCH * size;
  return Math.max(quantile(gaps, 0.25), 0.8 * size);
}

/** Whether `line` carries on the sentence of the full line above it in the same block. */
function continues(above: Line, line: Line, blockLeft: number): boolean {
  if (Math.abs(above.size - line.size) > SIZE_TOLERANCE) return false;
  if (isTableRow(above) || isTableRow(line)) return false;
  if (BULLET.test(line.text)) return false;
  const indent = line.left - blockLeft;
  const aboveIndent = above.left - blockLeft;
  return indent <= Math.max(aboveIndent, 0) + 1.5 * line.size;
}

function isTableRow(line: Line): boolean {
  return line.widestGap > TAB_STOP_EMS * line.size;
}

/** Whether the first line of a block carries on from the last line of the block before it. */
function continuesAcross(last: Line, first: Line): boolean {
  return (
    Math.abs(last.size - first.size) <= SIZE_TOLERANCE &&
    !SENTENCE_END.test(last.text) &&
    !BULLET.test(first.text) &&
    /^[\p{Ll}\p{N}]/u.test(first.text)
  );
}
