// Icon names that icon fonts leak into the text are told from text by their width: one glyph, many letters.
import { describe, expect, it } from 'vitest';
import { isSpelledOutGlyph } from './icon-glyphs.ts';
import { readCapturedItems } from './fixture-files.ts';

describe('isSpelledOutGlyph', () => {
  it.each<[string, string, number, number, boolean]>([
    // Captured from the Awesome-CV resume (Font Awesome 7): one icon glyph, 13.23 pt, about half an em wide.
    ['an icon named HOUSE-CHIMNEY', 'HOUSE-CHIMNEY', 6.77, 13.23, true],
    ['an icon named GITHUB-SQUARE', 'GITHUB-SQUARE', 5.95, 13.23, true],
    ['an icon named LINKEDIN', 'LINKEDIN', 5.95, 13.23, true],
    ['an ordinary word', 'Kubernetes', 38.4, 8.97, false],
    ['a ligature glyph spelled out', 'ffi', 8.2, 10, false],
    ['narrow letters', 'iiiiiiiiiiii', 26.4, 10, false],
    ['digits', '(+82) 10-9030-1843', 54, 6.77, false],
    ['two letters, too few to tell', 'in', 0.1, 10, false],
    ['a run without a width', 'Unknown width', 0, 10, false],
    ['no font size', 'Anything', 1, 0, false],
  ])('%s → %s', (_, text, width, size, expected) => {
    expect(isSpelledOutGlyph(text, width, size)).toBe(expected);
  });

  it('never fires on the text of any captured fixture, only on the three icon names', () => {
    const flagged: string[] = [];
    for (const name of ['awesome-cv-resume', 'two-column', 'job-description', 'protected']) {
      for (const page of readCapturedItems(name).pages) {
        for (const item of page.items) if (isSpelledOutGlyph(item.str, item.width, item.height || Math.abs(item.transform[3] ?? 0))) flagged.push(item.str);
      }
    }
    expect(flagged.sort()).toEqual(['GITHUB-SQUARE', 'HOUSE-CHIMNEY', 'LINKEDIN']);
  });
});
