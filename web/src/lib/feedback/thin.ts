// Which answers are too thin to judge: empty, under ten words, or not recognisable as sentences (keyboard mashing,
// "blah blah", lorem ipsum). Such an answer gets no strengths and no score above 2, whatever the model says. Pure.
import type { ThinReason } from './types.ts';
import { wordsOf } from './text.ts';

/** Fewer words than this is too short to judge. */
export const MIN_JUDGED_WORDS = 10;

// The commonest English function words: ordinary sentences are about 40% these; mashing and lorem ipsum nearly none.
const FUNCTION_WORDS = new Set(
  "the a an and or but so to of in on at for with from by about into as is was were be been being are am it its it's that this these those i i'm i've we we're our my me us you your they their them he she his her not no have had has do did does then which when what how why because if there here can could would will should".split(' '),
);

/** Below this share of function words, a long answer is not read as sentences. */
const MIN_FUNCTION_SHARE = 0.12;
/** Below this share of distinct words, an answer is one phrase said over and over. */
const MIN_DISTINCT_SHARE = 0.3;
/** Below this share of word-like tokens (letters with a vowel, or a number), an answer is noise. */
const MIN_WORDLIKE_SHARE = 0.6;

/** Why `text` is too thin to judge, or null when there is enough to judge. */
export function thinReason(text: string): ThinReason | null {
  const words = wordsOf(text);
  if (words.length === 0) return 'empty';
  if (words.length < MIN_JUDGED_WORDS) return 'short';
  const share = (test: (word: string) => boolean) => words.filter(test).length / words.length;
  if (share(isWordLike) < MIN_WORDLIKE_SHARE) return 'unclear';
  if (share((word) => FUNCTION_WORDS.has(word)) < MIN_FUNCTION_SHARE) return 'unclear';
  if (new Set(words).size / words.length < MIN_DISTINCT_SHARE) return 'unclear';
  return null;
}

function isWordLike(word: string): boolean {
  if (/^\d[\d.,]*$/.test(word)) return true;
  return /^\p{L}+(?:'\p{L}+)*$/u.test(word) && /[aeiouy]/.test(word) && !/(\p{L})\1\1/u.test(word) && word.length <= 20;
}
