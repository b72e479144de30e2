// Words split by a line break: when they are joined, and what a soft hyphen means elsewhere.
import { describe, expect, it } from 'vitest';
import { hardenSoftHyphens, joinSplitWord } from './hyphenation.ts';

describe('joinSplitWord', () => {
  it.each([
    ['Kuma, Con\u00AD', 'sul, and AWS', false, 'Kuma, Consul, and AWS'],
    ['AWS multi\u00AD', 'account, Kubernetes', true, 'AWS multiaccount, Kubernetes'],
    ['Route\u00AD', '53 DNS', false, 'Route53 DNS'],
    ['recov-', 'ery from forty', true, 'recovery from forty'],
    ['recov\u2010', 'ery from forty', true, 'recovery from forty'],
    ['recov-', 'ery from forty', false, null],
    ['self-', 'Aware teams', true, null],
    ['COVID-', '19 response', true, null],
    ['ends here.', 'next line', true, null],
    ['pro\u00AD', '', true, null],
    ['a dash \u00AD', 'then words', true, null],
  ])('%j + %j (wrapped %j) → %j', (previous, next, wrapped, joined) => {
    expect(joinSplitWord(previous, next, wrapped)).toBe(joined);
  });
});

describe('hardenSoftHyphens', () => {
  it.each([
    ['high\u00ADimpact', 'high-impact'],
    ['Sep. 2023 \u00AD Mar. 2024', 'Sep. 2023 - Mar. 2024'],
    ['no hyphens', 'no hyphens'],
  ])('%j → %j', (input, output) => {
    expect(hardenSoftHyphens(input)).toBe(output);
  });
});
