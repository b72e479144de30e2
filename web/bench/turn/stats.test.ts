import { describe, expect, it } from 'vitest';
import { markdownTable, ms, percentile } from './stats.ts';

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
  });

  it('ignores values that are not numbers, and is NaN for none', () => {
    expect(percentile([Number.NaN, 3, 1], 50)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('tables', () => {
  it('prints whole milliseconds and a dash for unknown', () => {
    expect(ms(12.6)).toBe('13');
    expect(ms(-0.2)).toBe('0');
    expect(ms(Number.NaN)).toBe('—');
  });

  it('lines columns up, the first left and the rest right', () => {
    expect(markdownTable(['stage', 'p50'], [['a', '5'], ['longer', '120']])).toEqual(['| stage  | p50 |', '|--------|----:|', '| a      |   5 |', '| longer | 120 |']);
  });
});
