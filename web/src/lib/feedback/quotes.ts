// Quote verification: every quote the model returns must be the candidate's own words, a verbatim substring of the
// answer it names (compared normalised for case, whitespace, punctuation and curly quotes), at least a few words long.
// What is shown is the span as it stands in the transcript, never the model's spelling of it. Pure.
import type { Evidence } from './types.ts';

/** The shortest quote accepted, in words (shorter answers may be quoted whole). */
export const MIN_QUOTE_WORDS = 3;

/** A text in the form quotes are compared in, with each character's position in the original. */
interface Normalised {
  text: string;
  /** For each character of `text`, its index in the original. */
  origin: number[];
}

// Apostrophes join ("don’t" = "dont"); other punctuation separates.
const APOSTROPHE = /['’‘`´]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lower case, apostrophes dropped, every other run of non-letters one space, trimmed. */
function normalise(original: string): Normalised {
  let text = '';
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < original.length; i++) {
    const char = original[i]!;
    if (APOSTROPHE.test(char)) continue;
    if (!LETTER_OR_DIGIT.test(char)) {
      pendingSpace = text.length > 0;
      continue;
    }
    if (pendingSpace) {
      text += ' ';
      origin.push(i);
      pendingSpace = false;
    }
    for (const lower of char.toLowerCase()) {
      text += lower;
      origin.push(i);
    }
  }
  return { text, origin };
}

/** The normalised form of a text (what quotes are compared in). */
export function normaliseForQuote(text: string): string {
  return normalise(text).text;
}

/**
 * The span of `answer` that `quote` matches, as written in the answer; null when the quote is not in it, or is shorter
 * than MIN_QUOTE_WORDS words (unless it is the whole answer).
 */
export function findQuote(answer: string, quote: string): string | null {
  const needle = normalise(quote).text;
  if (needle === '') return null;
  const haystack = normalise(answer);
  const words = needle.split(' ').length;
  if (words < MIN_QUOTE_WORDS && needle !== haystack.text) return null;
  const at = findWhole(haystack.text, needle);
  if (at < 0) return null;
  const from = haystack.origin[at] ?? 0;
  const to = (haystack.origin[at + needle.length - 1] ?? from) + 1;
  return answer.slice(from, to);
}

/** The first index where `needle` stands in `haystack` as whole words; -1 when it does not. */
function findWhole(haystack: string, needle: string): number {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = at === 0 || haystack[at - 1] === ' ';
    const after = at + needle.length === haystack.length || haystack[at + needle.length] === ' ';
    if (before && after) return at;
  }
  return -1;
}

/** The answers a quote may name, by the label the model was given (A1, A2…). */
export type AnswersByLabel = ReadonlyMap<string, { id: string; text: string }>;

/** Verified evidence for a quote said to come from answer `label`; null when that answer does not exist or does not hold the quote. */
export function verifyEvidence(answers: AnswersByLabel, label: string, quote: string): Evidence | null {
  const answer = answers.get(label.trim().toUpperCase());
  if (!answer) return null;
  const span = findQuote(answer.text, quote);
  return span === null ? null : { answerId: answer.id, quote: span };
}

const QUOTED_SPAN = /"([^"]+)"|“([^”]+)”/g;

/** Sentinel put where prose quoted words that are nowhere in the interview. */
export const REMOVED_QUOTE = '(unverified quote removed)';

/**
 * `prose` (a reason, a strength, a drill) with every quoted span of two words or more that is not in any of `sources`
 * replaced by REMOVED_QUOTE: an invented quote never reaches the screen, even inside the model's own sentences.
 */
export function withoutUnverifiedQuotes(prose: string, sources: readonly string[]): string {
  const haystacks = sources.map((source) => normalise(source).text);
  return prose.replace(QUOTED_SPAN, (whole, straight?: string, curly?: string) => {
    const inner = normalise(straight ?? curly ?? '').text;
    if (inner.split(' ').length < 2) return whole;
    return haystacks.some((haystack) => findWhole(haystack, inner) >= 0) ? whole : REMOVED_QUOTE;
  });
}
