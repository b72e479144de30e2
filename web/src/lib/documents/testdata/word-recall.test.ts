// The recall measure the extraction quality tests rely on.
import { describe, expect, it } from 'vitest';
import { comparableWords, wordRecallInOrder } from './word-recall.ts';

describe('wordRecallInOrder', () => {
  it.each([
    ['the same words', 'the same words', 1],
    ['one two three four', 'one two four', 0.75],
    ['one two three four', 'four three two one', 0.25],
    ['high\u00adimpact work', 'high-impact work', 1],
    ['Con\u00ad\nsul and cross-\ncluster', 'Consul and cross-cluster', 1],
    ['Seoul \u2013 Korea', 'Seoul Korea', 1],
    ['', '', 1],
    ['word', '', 0],
  ])('%j vs %j → %f', (reference, extracted, recall) => {
    expect(wordRecallInOrder(reference, extracted)).toBeCloseTo(recall);
  });

  it('folds ligatures and case', () => {
    expect(comparableWords('Eﬃcient ﬁles')).toEqual(['efficient', 'files']);
  });
});
