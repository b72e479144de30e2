// Filler words, counted on the device. Filled pauses (um, uh…) are counted apart from lexical fillers, which are
// matched as whole phrases with rules that leave their ordinary uses alone ("I like Go", "a kind of cache").
// Warning: speech-to-text models trained like Whisper tend to drop "um" and "uh" from transcripts (Whisper's own
// text normaliser removes hmm, mm, mhm, mmm, uh and um), so for a spoken answer the count is a floor: "at least N".
import { tokenize, type Token } from './text.ts';

/** Sounds of hesitation, in every spelling the count recognises. */
export const FILLED_PAUSES: readonly string[] = ['um', 'umm', 'uhm', 'uh', 'uhh', 'er', 'erm', 'hmm', 'hm', 'mm', 'mmm', 'mhm'];

/**
 * The lexical fillers counted, each with the rule that tells its filler use from its ordinary use:
 * - "like": only as a discourse marker: set off by pause marks on both sides ("we, like, moved"), next to a filled
 *   pause ("um like"), or doubled ("like like"). Never as a verb ("I like Go"), a preposition ("tools like Kafka"),
 *   a comparison ("felt like a month"), a quotative ("he was like…") or an approximation ("like 20 people").
 * - "you know": when a pause mark follows it, or it opens a clause and what follows is not its object
 *   ("you know how…", "you know the…"); never after do/did/if/as/let/to ("let you know").
 * - "I mean": when a pause mark follows it, or it opens a clause and is not "what I mean".
 * - "sort of", "kind of": unless a determiner, quantifier or wh-word comes before ("a kind of cache", "what sort of").
 * - "basically", "literally": always.
 */
export const LEXICAL_FILLERS: readonly string[] = ['like', 'you know', 'I mean', 'sort of', 'kind of', 'basically', 'literally'];

/** What the filler count found in one text. */
export interface FillerCount {
  /** um, uh, er, hmm… */
  filled: number;
  /** The lexical fillers used as fillers. */
  lexical: number;
  /** Each filler as listed (filled pauses under their spelling), and how often. */
  byFiller: Record<string, number>;
}

const FILLED = new Set(FILLED_PAUSES);
const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'what', 'which', 'any', 'some', 'every', 'each', 'one', 'same', 'other', 'no', 'its', 'our', 'their', 'my', 'your', 'his', 'her', 'whatever', 'different', 'certain', 'particular', 'right', 'wrong']);
const YOU_KNOW_BLOCKERS = new Set(['do', 'did', "don't", "didn't", 'if', 'as', 'let', 'to', 'would', 'will', "you'll", 'might', 'could', 'should', 'what']);
const YOU_KNOW_OBJECTS = new Set(['how', 'what', 'that', 'where', 'when', 'why', 'who', 'whether', 'if', 'about', 'the', 'a', 'an', 'it', 'him', 'her', 'them', 'this', 'those', 'these', 'me', 'us']);

/** Counts the filled pauses and the lexical fillers of `text`, by the rules above. */
export function countFillers(text: string): FillerCount {
  const tokens = tokenize(text);
  const byFiller: Record<string, number> = {};
  let filled = 0;
  let lexical = 0;
  const add = (name: string) => (byFiller[name] = (byFiller[name] ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (FILLED.has(token.word)) {
      filled++;
      add(token.word);
      continue;
    }
    const name = lexicalFillerAt(tokens, i);
    if (name === null) continue;
    lexical++;
    add(name);
    if (name.includes(' ')) i++;
  }
  return { filled, lexical, byFiller };
}

/** The lexical filler starting at token `i` when it is used as a filler, else null. */
function lexicalFillerAt(tokens: readonly Token[], i: number): string | null {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  const opensClause = token.pauseBefore || previous?.word === 'and' || previous?.word === 'but' || previous?.word === 'so';
  switch (token.word) {
    case 'basically':
    case 'literally':
      return token.word;
    case 'like': {
      const setOff = token.pauseBefore && token.pauseAfter && next !== undefined;
      const byHesitation = (previous !== undefined && FILLED.has(previous.word)) || (next !== undefined && FILLED.has(next.word));
      const doubled = next?.word === 'like' || previous?.word === 'like';
      return setOff || byHesitation || doubled ? 'like' : null;
    }
    case 'you': {
      if (next?.word !== 'know' || (previous && YOU_KNOW_BLOCKERS.has(previous.word))) return null;
      const after = tokens[i + 2];
      if (next.pauseAfter || after === undefined) return 'you know';
      return opensClause && !YOU_KNOW_OBJECTS.has(after.word) ? 'you know' : null;
    }
    case 'i': {
      if (next?.word !== 'mean' || previous?.word === 'what') return null;
      return next.pauseAfter || opensClause ? 'I mean' : null;
    }
    case 'sort':
    case 'kind': {
      if (next?.word !== 'of' || (previous && DETERMINERS.has(previous.word))) return null;
      return `${token.word} of`;
    }
    default:
      return null;
  }
}
