// Character clean-up of text runs: ligatures spelled out, odd spaces made plain, invisible marks dropped.
// Soft hyphens are kept here on purpose: only the layout knows whether one ends a line or sits inside a word.

import { ODD_SPACES, spellOutLigatures } from '../characters.ts';

/** Tabs and line breaks: inside one text run they are only spacing. */
const BREAKS = /[\t\n\v\f\r\u2028\u2029]/g;
/** Zero-width spaces and joiners, word joiner, BOM, and other control characters; icons in private use. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here.
const INVISIBLE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u180E\u200B-\u200F\u2060-\u2064\uFEFF\uE000-\uF8FF\uFFFD]/g;

/** Spells out ligatures, turns odd whitespace into plain spaces and drops zero-width and control characters. */
export function normalizeGlyphs(text: string): string {
  return spellOutLigatures(text).replace(BREAKS, ' ').replace(ODD_SPACES, ' ').replace(INVISIBLE, '');
}
