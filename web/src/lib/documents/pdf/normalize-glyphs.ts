// Character clean-up of text runs: ligatures spelled out, odd spaces made plain, invisible marks dropped.
// Soft hyphens are kept here on purpose: only the layout knows whether one ends a line or sits inside a word.

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

const LIGATURE = /[\uFB00-\uFB06]/g;
/** NBSP, the en/em/thin/hair spaces, narrow NBSP, math space, ideographic space, tabs and line breaks. */
const ODD_SPACE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
/** Zero-width spaces and joiners, word joiner, BOM, and other control characters; icons in private use. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u180E\u200B-\u200F\u2060-\u2064\uFEFF\uE000-\uF8FF\uFFFD]/g;

/** Spells out ligatures, turns odd whitespace into plain spaces and drops zero-width and control characters. */
export function normalizeGlyphs(text: string): string {
  return text
    .replace(LIGATURE, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(ODD_SPACE, ' ')
    .replace(INVISIBLE, '');
}
