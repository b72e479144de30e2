// Reading order of a page's runs: finds a gutter (a vertical band no line crosses over a long stretch of
// lines, with text on both sides) and reads what is above it, then the left column, the right, then below.
// Warning: a narrow left or right part (dates, labels, icons) is never a column; reading it apart would
// separate each date from its job.

import { groupLines, type Line } from './lines.ts';
import { quantile } from './quantile.ts';
import type { Run } from './runs.ts';

/** Each side of a gutter must be at least this share of the region's width. */
const MIN_COLUMN_SHARE = 0.15;
/** The narrowest gutter, in points, and as a share of the body font size. */
const MIN_GUTTER = 6;
const MIN_GUTTER_EMS = 0.8;
/** A band is a gutter candidate where no more than this share of lines crosses it. */
const MAX_CROSSING_SHARE = 0.3;
/** Lines each column needs before it counts as one. */
const MIN_COLUMN_LINES = 3;
/** Nested splits (columns within columns) stop here. */
const MAX_DEPTH = 4;

/** Splits a page's runs into blocks in reading order; each block is laid out as one column. */
export function readingBlocks(runs: readonly Run[], depth = 0): Run[][] {
  if (!runs.some((run) => !run.space)) return [];
  const lines = groupLines(runs);
  const split = depth < MAX_DEPTH ? findSplit(lines) : null;
  if (!split) return [[...runs]];
  const middle = (split.band[0] + split.band[1]) / 2;
  const columns = split.lines.flatMap(runsOfLine);
  const isLeft = (run: Run) => (run.left + run.right) / 2 < middle;
  return [
    ...readingBlocks(split.above.flatMap(runsOfLine), depth + 1),
    ...readingBlocks(columns.filter(isLeft), depth + 1),
    ...readingBlocks(columns.filter((run) => !isLeft(run)), depth + 1),
    ...readingBlocks(split.below.flatMap(runsOfLine), depth + 1),
  ];
}

function runsOfLine(line: Line): Run[] {
  return [...line.runs, ...line.spaces];
}

interface Split {
  /** Lines above the columns, the columns' own lines, and lines below. */
  above: Line[];
  lines: Line[];
  below: Line[];
  /** The gutter's x range. */
  band: [number, number];
}

/** Finds the gutter with the longest stretch of uncrossed lines, if any qualifies. */
function findSplit(lines: readonly Line[]): Split | null {
  if (lines.length < MIN_COLUMN_LINES) return null;
  const left = Math.min(...lines.map((line) => line.left));
  const right = Math.max(...lines.map((line) => line.right));
  const width = right - left;
  if (width <= 0) return null;
  const bodySize = quantile(lines.map((line) => line.size), 0.5);
  const minGutter = Math.max(MIN_GUTTER, MIN_GUTTER_EMS * bodySize);
  let best: (Split & { length: number }) | null = null;
  for (const band of candidateBands(lines, left, width, minGutter)) {
    if (band[0] - left < MIN_COLUMN_SHARE * width || right - band[1] < MIN_COLUMN_SHARE * width) continue;
    const stretch = longestUncrossed(lines, band);
    if (!stretch) continue;
    const columnLines = lines.slice(stretch.start, stretch.end);
    const leftCount = columnLines.filter((line) => line.runs.some((run) => run.right <= band[0] + 0.5)).length;
    const rightCount = columnLines.filter((line) => line.runs.some((run) => run.left >= band[1] - 0.5)).length;
    if (leftCount < MIN_COLUMN_LINES || rightCount < MIN_COLUMN_LINES) continue;
    const length = stretch.end - stretch.start;
    if (!best || length > best.length || (length === best.length && band[1] - band[0] > best.band[1] - best.band[0])) {
      best = {
        above: lines.slice(0, stretch.start),
        lines: columnLines,
        below: lines.slice(stretch.end),
        band,
        length,
      };
    }
  }
  return best;
}

/** X ranges, at least `minGutter` wide, that few lines cover. */
function candidateBands(lines: readonly Line[], left: number, width: number, minGutter: number): [number, number][] {
  const bins = Math.ceil(width) + 1;
  const coverage = new Uint16Array(bins);
  for (const line of lines) {
    const covered = new Uint8Array(bins);
    for (const run of line.runs) {
      const from = Math.max(0, Math.floor(run.left - left));
      const to = Math.min(bins, Math.ceil(run.right - left));
      covered.fill(1, from, to);
    }
    for (let i = 0; i < bins; i++) coverage[i]! += covered[i]!;
  }
  const limit = Math.floor(MAX_CROSSING_SHARE * lines.length);
  const bands: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= bins; i++) {
    const open = i < bins && coverage[i]! <= limit;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      const [from, to] = trimToEmptiest(coverage, start, i);
      if (to - from >= minGutter) bands.push([left + from, left + to]);
      start = -1;
    }
  }
  return bands;
}

/** Narrows [start, end) to where its coverage is lowest: a line poking into a gutter does not widen it. */
function trimToEmptiest(coverage: Uint16Array, start: number, end: number): [number, number] {
  const lowest = Math.min(...coverage.subarray(start, end));
  let from = start;
  let to = end;
  while (from < to && coverage[from]! > lowest) from++;
  while (to > from && coverage[to - 1]! > lowest) to--;
  return [from, to];
}

/** The longest run of consecutive lines with no text inside the band. */
function longestUncrossed(lines: readonly Line[], band: [number, number]): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const crossed = !line || line.runs.some((run) => run.left < band[1] - 0.5 && run.right > band[0] + 0.5);
    if (!crossed) continue;
    if (i > start && (!best || i - start > best.end - best.start)) best = { start, end: i };
    start = i + 1;
  }
  return best;
}
