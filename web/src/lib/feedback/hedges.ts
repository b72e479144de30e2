// Hedges: words that soften a claim ("I think", "maybe"), counted on the device as whole phrases. A few are fine;
// many make a strong answer sound unsure. Pure.
import { wordsOf } from './text.ts';

/** The hedges counted, longest first so "I'm not sure" is one hedge, not two. */
export const HEDGES: readonly string[] = [
  "i'm not sure",
  'i am not sure',
  'more or less',
  'i think',
  'i guess',
  'i suppose',
  'i believe',
  'i feel like',
  'not sure',
  'maybe',
  'perhaps',
  'probably',
  'possibly',
  'somewhat',
  'hopefully',
];

const PHRASES = HEDGES.map((hedge) => hedge.split(' '));

/** How many hedges `text` holds (phrases do not overlap), and which. */
export function countHedges(text: string): { count: number; byHedge: Record<string, number> } {
  const words = wordsOf(text);
  const byHedge: Record<string, number> = {};
  let count = 0;
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASES.find((candidate) => candidate.every((word, offset) => words[i + offset] === word));
    if (!phrase) {
      i++;
      continue;
    }
    const name = phrase.join(' ');
    byHedge[name] = (byHedge[name] ?? 0) + 1;
    count++;
    i += phrase.length;
  }
  return { count, byHedge };
}
