// The quantile helper the layout's thresholds use.
import { describe, expect, it } from 'vitest';
import { quantile } from './quantile.ts';

describe('quantile', () => {
  it.each([
    [[], 0.5, 0],
    [[7], 0.25, 7],
    [[3, 1, 2], 0.5, 2],
    [[10.9, 18.5, 10.9, 13.5, 10.9, 45], 0.25, 10.9],
    [[1, 2, 3, 4], 1, 4],
  ])('%j at %f → %f', (values, q, value) => {
    expect(quantile(values, q)).toBe(value);
  });
});
