// Running headers and footers: lines repeated near the top or bottom of most pages, page numbers included.
// Two lines match when their text is the same once digits are ignored and their baselines nearly agree.

import type { Line } from './lines.ts';

/** How many lines from the top and from the bottom of a page can be a header or footer. */
const EDGE_LINES = 3;
/** ...and only within this share of the page's height from its top or bottom edge. */
const EDGE_ZONE = 0.15;
/** Baselines within this many points count as the same position. */
const POSITION_TOLERANCE = 4;

/** The text a header or footer keeps from page to page: digits (page numbers, dates) and case ignored. */
export function edgeKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/** A page's lines, top first, and its height in points. */
export interface PageLines {
  lines: readonly Line[];
  height: number;
}

/**
 * For each page, the lines near its top or bottom edge that repeat at the same place on at least half
 * the pages, and on at least two: running headers, footers and page numbers. A single page has none.
 */
export function findRepeatedEdges(pages: readonly PageLines[]): Set<Line>[] {
  const dropped = pages.map(() => new Set<Line>());
  if (pages.length < 2) return dropped;
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const byKey = new Map<string, { page: number; line: Line }[]>();
  pages.forEach(({ lines, height }, page) => {
    const top = lines.slice(0, EDGE_LINES).filter((line) => line.baseline >= (1 - EDGE_ZONE) * height);
    const bottom = lines.slice(-EDGE_LINES).filter((line) => line.baseline <= EDGE_ZONE * height);
    for (const line of new Set([...top, ...bottom])) {
      const key = edgeKey(line.text);
      if (key === '') continue;
      const list = byKey.get(key) ?? [];
      list.push({ page, line });
      byKey.set(key, list);
    }
  });
  for (const occurrences of byKey.values()) {
    for (const anchor of occurrences) {
      const same = occurrences.filter(
        (other) => Math.abs(other.line.baseline - anchor.line.baseline) <= POSITION_TOLERANCE,
      );
      if (new Set(same.map((other) => other.page)).size < needed) continue;
      for (const { page, line } of same) dropped[page]!.add(line);
    }
  }
  // A line is only a header or footer beside other text: a page of one repeated line keeps it.
  dropped.forEach((set, page) => {
    if (set.size === pages[page]!.lines.length) set.clear();
  });
  return dropped;
}
