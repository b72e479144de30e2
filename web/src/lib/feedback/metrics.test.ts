// Hedges, "I" against "we", repeated phrases and word counts: table tests of the measured metrics.
import { describe, expect, it } from 'vitest';
import { countHedges } from './hedges.ts';
import { combinePronouns, pronounShare } from './pronouns.ts';
import { phrasesAcrossAnswers, repeatedPhrases } from './repetition.ts';
import { tokenize, wordCount } from './text.ts';

describe('wordCount and tokenize', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ["I'm sure we didn't.", 4],
    ['It cut costs by 3.5% across 1,200 nodes.', 8],
    ['Kafka — then Postgres', 3],
  ])('%j has %i words', (text, count) => expect(wordCount(text)).toBe(count));

  it('marks the pause marks beside each word', () => {
    expect(tokenize('we, like, moved').map(({ word, pauseBefore, pauseAfter }) => [word, pauseBefore, pauseAfter])).toEqual([
      ['we', true, true],
      ['like', true, true],
      ['moved', true, true],
    ]);
    expect(tokenize('a b').map((token) => [token.pauseBefore, token.pauseAfter])).toEqual([
      [true, false],
      [false, true],
    ]);
  });
});

describe('countHedges', () => {
  it.each([
    ['I think it worked', 1],
    ["I'm not sure it scaled, maybe not", 2],
    ['Probably, perhaps, possibly', 3],
    ['I thought about it', 0],
    ['We shipped it in May', 0],
  ])('%j → %i', (text, count) => expect(countHedges(text).count).toBe(count));
});

describe('pronounShare', () => {
  it.each([
    ['I led it and my team shipped it', 2, 0, 1],
    ['We built it; our users loved it', 0, 2, 0],
    ["I'd say we did, and I'm proud of us", 2, 2, 0.5],
    ['The service scaled', 0, 0, null],
  ])('%j → I %i, we %i, share %s', (text, i, we, share) => {
    expect(pronounShare(text)).toEqual({ i, we, iShare: share });
  });

  it('adds counts across answers', () => {
    expect(combinePronouns([pronounShare('I did'), pronounShare('we did, we did')])).toEqual({ i: 1, we: 2, iShare: 1 / 3 });
  });
});

describe('repeatedPhrases', () => {
  it('finds a phrase said twice, and keeps only the longest form of it', () => {
    expect(repeatedPhrases('At the end of the day it works. At the end of the day we ship.')).toEqual([{ phrase: 'at the end of the day', count: 2 }]);
  });

  it('ignores phrases of small words only, and phrases said once', () => {
    expect(repeatedPhrases('and then I and then I built the cache')).toEqual([]);
    expect(repeatedPhrases('We moved the billing service to Kafka last year.')).toEqual([]);
  });

  it('finds phrases used in three or more answers', () => {
    const answers = ['To be honest the queue was slow.', 'To be honest I liked it.', 'It was fine, to be honest.', 'No.'];
    expect(phrasesAcrossAnswers(answers)).toEqual([{ phrase: 'to be honest', count: 3 }]);
    expect(phrasesAcrossAnswers(answers.slice(0, 2))).toEqual([]);
  });
});
