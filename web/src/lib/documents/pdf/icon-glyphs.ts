// Icon fonts (Font Awesome and the like) name each picture in their ToUnicode map, so pdf.js reads an icon as a
// word: LINKEDIN, HOUSE-CHIMNEY, GITHUB-SQUARE. Such a run is one glyph wide however many letters it spells, while
// text needs about half an em per letter (a ligature such as "ffi" packs about four letters into an em, no more):
// that gap is the rule. Icons without names map to private-use code points, which normalize-glyphs.ts drops.

/** The most letters real text fits into one em of advance; a run packing more spells out a single glyph's name. */
export const MAX_LETTERS_PER_EM = 8;

/** Whether a run of `text`, `width` points wide at `fontSize` points, is an icon's name rather than text. */
export function isSpelledOutGlyph(text: string, width: number, fontSize: number): boolean {
  const letters = text.replace(/\s/g, '').length;
  // Warning: a run without a width (some producers give none) says nothing about its glyphs; keep it.
  if (letters < 3 || fontSize <= 0 || width === 0) return false;
  return letters > MAX_LETTERS_PER_EM * (Math.abs(width) / fontSize);
}
