// Duration and gap formatting.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatGap, formatRealTimeFactor, formatSeconds } from './format.ts';

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

describe('formatRealTimeFactor', () => {
  it.each([
    [[], '—'],
    [[{ audioMs: 0, synthesisMs: 5 }], '—'],
    [[{ audioMs: 1000, synthesisMs: 120 }], '0.12×'],
    [
      [
        { audioMs: 1000, synthesisMs: 100 },
        { audioMs: 3000, synthesisMs: 700 },
      ],
      '0.20×',
    ],
  ])('%j → %s', (pieces, text) => {
    expect(formatRealTimeFactor(pieces)).toBe(text);
  });
});

describe('formatSeconds', () => {
  it('rounds to a tenth', () => {
    expect(formatSeconds(4.25)).toBe('4.3 s');
    expect(formatSeconds(0)).toBe('0.0 s');
  });
});
