// Word counting for the previews.
import { describe, expect, it } from 'vitest';
import { countWords } from './word-count.ts';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   \n ', 0],
    ['one', 1],
    ['Senior engineer, 10+ years.', 4],
    ["high-impact work isn't easy", 4],
    ['• Led Kubernetes — Terraform', 3],
    ['数据 工程', 2],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
