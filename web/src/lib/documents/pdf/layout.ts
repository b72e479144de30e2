// The text of a whole document rebuilt from pdf.js text items: running headers and footers dropped,
// each page split into columns in reading order, lines joined into paragraphs. Pure: no pdf.js here.

import { readingBlocks } from './columns.ts';
import { groupLines, type Line } from './lines.ts';
import { writeBlocks } from './paragraphs.ts';
import { findRepeatedEdges } from './repeated-edges.ts';
import { toRuns } from './runs.ts';
import type { PdfPageText } from './types.ts';

/** Rebuilds a document's text from its pages' text items, in reading order, as clean paragraphs. */
export function layoutPages(pages: readonly PdfPageText[]): string {
  const prepared = pages.map((page) => {
    const { runs, rotated } = toRuns(page.items, page.view);
    const [, y0 = 0, , y1 = 0] = page.view;
    return { lines: groupLines(runs), height: y1 - y0, rotated };
  });
  const dropped = findRepeatedEdges(prepared);
  const blocks: Line[][] = [];
  prepared.forEach((page, i) => {
    const kept = page.lines.filter((line) => !dropped[i]!.has(line)).flatMap((line) => [...line.runs, ...line.spaces]);
    for (const block of readingBlocks(kept)) blocks.push(groupLines(block));
    if (page.rotated.length > 0) blocks.push([textLine(page.rotated.join(' '))]);
  });
  return tidy(writeBlocks(blocks));
}

/** A line with no geometry, for text read apart from the page's layout (rotated or vertical). */
function textLine(text: string): Line {
  return { runs: [], spaces: [], text, baseline: 0, size: 0, left: 0, right: 0, widestGap: 0 };
}

function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
