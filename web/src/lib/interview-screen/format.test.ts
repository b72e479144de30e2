// Duration and gap formatting.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatGap } from './format.ts';

describe('formatDuration', () => {
  it.each([
    [0, '0:00'],
    [59_999, '0:59'],
    [61_000, '1:01'],
    [45 * 60_000, '45:00'],
    [-5, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatGap', () => {
  it('shows the gap in whole milliseconds, or a dash when a mark is missing', () => {
    expect(formatGap(1000, 1234.4)).toBe('234 ms');
    expect(formatGap(null, 5)).toBe('—');
  });
});
