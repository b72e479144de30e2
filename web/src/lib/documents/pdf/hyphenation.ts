// Words broken across lines: joining "Con\u00ad" + "sul" into "Consul", and what a soft hyphen means elsewhere.
// Some producers (LuaTeX with many fonts) encode every drawn hyphen as U+00AD, so inside a word it is a real hyphen.

/** U+00AD SOFT HYPHEN. */
export const SOFT_HYPHEN = '\u00AD';

const ENDS_SOFT = /\p{L}\u00AD$/u;
const ENDS_HARD = /\p{Ll}[-\u2010]$/u;
const STARTS_WORD = /^[\p{L}\p{N}]/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Joins `next` to `previous` when the line break split a word, dropping the break hyphen; null when it did not.
 * A soft hyphen always marks a split; a plain hyphen between lower-case letters only when `wrapped` (prose that
 * ran to the margin), since "self-" at the end of a short line may be a real compound.
 */
export function joinSplitWord(previous: string, next: string, wrapped: boolean): string | null {
  if (ENDS_SOFT.test(previous) && STARTS_WORD.test(next)) return previous.slice(0, -1) + next;
  if (wrapped && ENDS_HARD.test(previous) && STARTS_LOWER.test(next)) return previous.slice(0, -1) + next;
  return null;
}

/** Turns the soft hyphens left after line joining into plain hyphens: they were drawn, so they are real. */
export function hardenSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '-');
}
