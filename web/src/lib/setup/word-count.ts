// Counts words the way a person would: runs of letters or digits, hyphenated words counted once.

/** The number of words in a text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
