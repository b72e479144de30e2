// Table tests for the word budget: where a long text is cut and what is reported.
import { describe, expect, it } from 'vitest';
import { applyWordBudget, MAX_BACKOFF_WORDS } from './budget.ts';
import { WORD_BUDGET } from './limits.ts';

const words = (count: number, prefix = 'w') => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`).join(' ');
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('applyWordBudget', () => {
  it.each([
    ['under the budget: untouched', 'one two three', 5, 'one two three', false],
    ['exactly the budget: untouched', 'one two three four five', 5, 'one two three four five', false],
    ['spaces and newlines do not count as words', 'one\n\n two  \t three', 3, 'one\n\n two  \t three', false],
    ['cut at a sentence end', 'One two. Three four five six.', 4, 'One two.', true],
    ['cut at a line end', 'one two\nthree four five', 4, 'one two', true],
    ['sentence end with a closing quote', 'He said "go." Then more words here', 4, 'He said "go."', true],
    ['question and exclamation marks end sentences', 'Why? Because! And then some more', 4, 'Why? Because!', true],
    ['a decimal point is no sentence end', 'Raised 2.5 million in revenue', 3, 'Raised 2.5 million', true],
    ['no boundary: cut after the last word', 'alpha beta gamma delta epsilon', 3, 'alpha beta gamma', true],
    ['the boundary right at the limit is used', 'one two three.\nfour', 3, 'one two three.', true],
  ])('%s', (_name, text, budget, expected, truncated) => {
    expect(applyWordBudget(text, budget)).toEqual({ text: expected, truncated });
  });

  it('uses WORD_BUDGET by default', () => {
    const long = words(WORD_BUDGET + 10);
    const result = applyWordBudget(long);
    expect(result.truncated).toBe(true);
    expect(wordCount(result.text)).toBe(WORD_BUDGET);
  });

  it('backs off to a sentence end within MAX_BACKOFF_WORDS of the limit', () => {
    const text = `${words(900, 'a')}. ${words(200, 'b')}`;
    const result = applyWordBudget(text, 1000);
    expect(result.text.endsWith('a900.')).toBe(true);
    expect(wordCount(result.text)).toBe(900);
  });

  it('does not back off further than MAX_BACKOFF_WORDS', () => {
    const before = 1000 - MAX_BACKOFF_WORDS - 10;
    const text = `${words(before, 'a')}. ${words(400, 'b')}`;
    const result = applyWordBudget(text, 1000);
    expect(wordCount(result.text)).toBe(1000);
    expect(result.text.endsWith(`b${1000 - before}`)).toBe(true);
  });

  it('never keeps more than the budget', () => {
    for (const budget of [1, 2, 7, 50]) {
      const text = 'Lorem ipsum dolor sit amet. Consectetur adipiscing elit!\nSed do eiusmod tempor. '.repeat(20);
      expect(wordCount(applyWordBudget(text, budget).text)).toBeLessThanOrEqual(budget);
    }
  });
});
