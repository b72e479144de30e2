// "I" against "we": how much of what the candidate describes they own. Interviewers listen for the candidate's own
// part; an answer all in "we" hides it. Counted on the device. Pure.
import { wordsOf } from './text.ts';

/** The first person singular forms counted as "I". */
export const I_FORMS: readonly string[] = ['i', "i'm", "i've", "i'd", "i'll", 'me', 'my', 'mine', 'myself'];
/** The first person plural forms counted as "we". */
export const WE_FORMS: readonly string[] = ['we', "we're", "we've", "we'd", "we'll", 'us', 'our', 'ours', 'ourselves'];

/** How often the candidate said "I" and "we", and the share of "I" among both (null when neither). */
export interface PronounShare {
  i: number;
  we: number;
  iShare: number | null;
}

const I_SET = new Set(I_FORMS);
const WE_SET = new Set(WE_FORMS);

/** Counts the I-forms and we-forms of `text`. */
export function pronounShare(text: string): PronounShare {
  let i = 0;
  let we = 0;
  for (const word of wordsOf(text)) {
    if (I_SET.has(word)) i++;
    else if (WE_SET.has(word)) we++;
  }
  return { i, we, iShare: i + we === 0 ? null : i / (i + we) };
}

/** The share of several counts taken together. */
export function combinePronouns(shares: readonly PronounShare[]): PronounShare {
  const i = shares.reduce((sum, share) => sum + share.i, 0);
  const we = shares.reduce((sum, share) => sum + share.we, 0);
  return { i, we, iShare: i + we === 0 ? null : i / (i + we) };
}
