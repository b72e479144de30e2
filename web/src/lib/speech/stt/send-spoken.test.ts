// "Done" sends a spoken answer at once unless the candidate asked to review it, a part is missing, or nothing is there.
import { describe, expect, it } from 'vitest';
import { sendsSpokenAnswerAtOnce, type LandedAnswer } from './send-spoken.ts';

const landed: LandedAnswer = { review: false, answerExpected: true, endedHere: true, partSkipped: false, text: 'I led the payments migration.' };

describe('sendsSpokenAnswerAtOnce', () => {
  it.each<[string, Partial<LandedAnswer>, boolean]>([
    ['by default, once the words of a take ended with Done have landed', {}, true],
    ['not when the candidate reviews spoken answers before sending', { review: true }, false],
    ['not when a part failed and the candidate chose to type it', { partSkipped: true }, false],
    ['not for words picked up after a reload (the candidate never pressed Done on them)', { endedHere: false }, false],
    ['not when the interview no longer expects an answer', { answerExpected: false }, false],
    ['not when nothing was said or typed', { text: '  \n' }, false],
    ['with typed words and spoken ones together', { text: 'Typed first. Then said.' }, true],
  ])('%s', (_, change, sends) => {
    expect(sendsSpokenAnswerAtOnce({ ...landed, ...change })).toBe(sends);
  });
});
