// Text cleanup applied to every document kind: odd spaces, ligatures, invisible characters, line endings, blank runs.
// Pure; table-tested in normalize.test.ts.

import { ODD_SPACES, spellOutLigatures } from './characters.ts';

// Warning: U+200C/U+200D (ZWNJ/ZWJ) are left alone on purpose: Persian, Indic scripts and emoji need them.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF\u180E]/g;

/** C0 and C1 controls except tab and line feed (those that mean a line break are turned into one first). */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g; // eslint-disable-line no-control-regex

/** Cleans extracted text so every kind of document reads alike; the steps are listed inside. */
export function normalizeText(text: string): string {
  return (
    spellOutLigatures(text)
      // Line endings, line and paragraph separators, form feeds (page breaks) and vertical tabs become LF breaks.
      .replace(/\r\n?|\u0085|\u2028/g, '\n')
      .replace(/\u2029|\f/g, '\n\n')
      .replace(/\v/g, '\n')
      .replace(ODD_SPACES, ' ')
      .replace(ZERO_WIDTH, '')
      .replace(CONTROLS, '')
      // A soft hyphen is an optional break: invisible inside a word; one that ended a line joins the word's halves.
      .replace(/\u00AD[ \t]*\n[ \t]*(?=\p{L})/gu, '')
      .replace(/\u00AD/g, '')
      .replace(/\u2011/g, '-')
      // Runs of tabs (Word's way of pushing dates to the right) shrink to one; trailing blanks go.
      .replace(/\t{2,}/g, '\t')
      .replace(/[ \t]+$/gm, '')
      // Any run of blank lines becomes one blank line; blank lines at the start and all trailing space go.
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\s+$/g, '')
  );
}

/** True when the text has at least one letter or digit, i.e. something worth reading. */
export function hasText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
