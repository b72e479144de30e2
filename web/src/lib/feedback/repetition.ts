// Repeated phrases: the same three or more words said again within one answer, or in three or more answers of the
// interview ("at the end of the day"). Counted on the device; phrases of only small words ("and then I") are left out. Pure.
import { wordsOf } from './text.ts';

/** A phrase said more than once, and how often. */
export interface RepeatedPhrase {
  phrase: string;
  count: number;
}

/** The shortest phrase counted, in words. */
export const MIN_PHRASE_WORDS = 3;
const MAX_PHRASE_WORDS = 6;
/** At most this many phrases are reported per answer or interview, the longest and most repeated first. */
const MAX_REPORTED = 3;

// Small words: a phrase made only of these says nothing about how the candidate speaks.
const SMALL = new Set(
  'a an the and or but so then to of in on at for with from by as is was were be been are it its this that i we you he she they me us my our your me them there here what which who when how if just do did not no yes had have has'.split(' '),
);

/** Phrases of three to six words said at least twice in `text`, longest and most repeated first. */
export function repeatedPhrases(text: string): RepeatedPhrase[] {
  const counts = new Map<string, number>();
  const words = wordsOf(text);
  for (const gram of grams(words)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return keepLongest([...counts].filter(([, count]) => count >= 2));
}

/** Phrases of three to six words that appear in at least `minAnswers` different answers (each counted once per answer). */
export function phrasesAcrossAnswers(texts: readonly string[], minAnswers = 3): RepeatedPhrase[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const gram of new Set(grams(wordsOf(text)))) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return keepLongest([...counts].filter(([, count]) => count >= minAnswers));
}

function grams(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let n = MIN_PHRASE_WORDS; n <= MAX_PHRASE_WORDS; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const gram = words.slice(i, i + n);
      if (gram.every((word) => SMALL.has(word))) continue;
      out.push(gram.join(' '));
    }
  }
  return out;
}

/** Drops phrases inside a longer one repeated as often, then keeps the top few. */
function keepLongest(entries: [string, number][]): RepeatedPhrase[] {
  const kept = entries.filter(([phrase, count]) => !entries.some(([other, otherCount]) => other !== phrase && otherCount >= count && ` ${other} `.includes(` ${phrase} `)));
  return kept
    .map(([phrase, count]) => ({ phrase, count }))
    .sort((a, b) => b.count * b.phrase.split(' ').length - a.count * a.phrase.split(' ').length || a.phrase.localeCompare(b.phrase))
    .slice(0, MAX_REPORTED);
}
