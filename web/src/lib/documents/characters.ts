// Character classes both cleanup passes share (the PDF reader's per-run pass and the whole-document pass).

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

/** NBSP, the U+2000 block of fixed-width spaces, narrow NBSP, math space, ideographic space, Ogham space. */
export const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Spells out typographic ligatures (ﬁ → fi). */
export function spellOutLigatures(text: string): string {
  return text.replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature);
}
