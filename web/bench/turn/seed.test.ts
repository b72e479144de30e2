import { describe, expect, it } from 'vitest';
import { firstSentenceEnd } from './seed.ts';

describe('the seed’s first whole sentence', () => {
  it('ends after its closing punctuation once the next word has begun', () => {
    expect(firstSentenceEnd('Thanks. Let us talk', false)).toBe(7);
    expect(firstSentenceEnd('What did you decide? And', false)).toBe(20);
  });

  it('is not complete on a clause, or on a full stop that may be a decimal point', () => {
    expect(firstSentenceEnd('Thanks for that, it', false)).toBe(-1);
    expect(firstSentenceEnd('It grew 2.', false)).toBe(-1);
  });

  it('is the whole text when the stream ends without a full stop', () => {
    expect(firstSentenceEnd('Tell me more', true)).toBe(12);
    expect(firstSentenceEnd('  ', true)).toBe(-1);
  });
});
