// pdf.js text items turned into positioned runs: page-relative coordinates, font size, cleaned text; icon names
// that icon fonts leak into the text left out.

import { isSpelledOutGlyph } from './icon-glyphs.ts';
import { normalizeGlyphs } from './normalize-glyphs.ts';
import type { PdfTextItem } from './types.ts';

/** A piece of text on one baseline, in PDF points from the page's bottom-left corner. */
export interface Run {
  text: string;
  left: number;
  right: number;
  baseline: number;
  /** Font size in points. */
  size: number;
  /** Only whitespace: marks a gap between words, takes no part in geometry. */
  space: boolean;
  rtl: boolean;
}

/** Runs of one page: upright text to lay out, and rotated or vertical text that is read after it. */
export interface PageRuns {
  runs: Run[];
  rotated: string[];
}

const SKEW_TOLERANCE = 0.05;

/** Turns one page's items into runs; `view` is pdf.js's page box [x0, y0, x1, y1]. */
export function toRuns(items: readonly PdfTextItem[], view: readonly number[]): PageRuns {
  const [x0 = 0, y0 = 0] = view;
  const runs: Run[] = [];
  const rotated: string[] = [];
  for (const item of items) {
    const text = normalizeGlyphs(item.str);
    if (text === '') continue;
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform;
    const upright = a > 0 && d > 0 && Math.abs(b) <= SKEW_TOLERANCE * a && Math.abs(c) <= SKEW_TOLERANCE * d;
    if (!upright || item.dir === 'ttb') {
      if (text.trim() !== '') rotated.push(text.trim());
      continue;
    }
    const size = item.height > 0 ? item.height : d;
    if (isSpelledOutGlyph(text, item.width, size)) continue;
    const left = e - x0;
    runs.push({
      text,
      left,
      right: left + Math.abs(item.width),
      baseline: f - y0,
      size,
      space: text.trim() === '',
      rtl: item.dir === 'rtl',
    });
  }
  return { runs, rotated };
}
