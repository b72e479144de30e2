// Test helper: how many of a reference text's words an extraction kept, in reading order.

/**
 * Splits text into comparable words: lower case, letters and digits only, quotes ignored. A hyphen
 * inside a word, or ending a line before the word goes on, joins its halves on both sides alike,
 * so "high-impact", "high\u00adimpact" and "Con-⏎sul" compare as one word each.
 */
export function comparableWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/(\p{L})[\u00ad\u2010\u2011-](?:[ \t]*\n[ \t]*)?(?=\p{L})/gu, '$1')
    .replace(/[\u00ad\u2010-\u2015]/g, ' ')
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The share of the reference's words that appear in the extraction in the same order:
 * the longest common subsequence of the two word lists over the reference's length.
 */
export function wordRecallInOrder(reference: string, extracted: string): number {
  const ref = comparableWords(reference);
  const got = comparableWords(extracted);
  if (ref.length === 0) return got.length === 0 ? 1 : 0;
  let previous = new Uint32Array(got.length + 1);
  let current = new Uint32Array(got.length + 1);
  for (const word of ref) {
    for (let j = 1; j <= got.length; j++) {
      current[j] = word === got[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    [previous, current] = [current, previous];
  }
  return previous[got.length]! / ref.length;
}
