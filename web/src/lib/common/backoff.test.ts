// Table tests for the shared backoff (equal jitter, capped) and the Retry-After reader (seconds and HTTP dates).
import { describe, expect, it } from 'vitest';
import { backoffDelayMs, parseRetryAfterMs } from './backoff.ts';

describe('backoffDelayMs', () => {
  it.each([
    [1, 500, 1000],
    [2, 1000, 2000],
    [3, 2000, 4000],
    [4, 4000, 8000],
    [5, 4000, 8000],
  ])('retry %i waits between %i and %i ms', (attempt, low, high) => {
    expect(backoffDelayMs(attempt, () => 0)).toBe(low);
    expect(backoffDelayMs(attempt, () => 0.999999)).toBe(high);
    const random = backoffDelayMs(attempt);
    expect(random).toBeGreaterThanOrEqual(low);
    expect(random).toBeLessThanOrEqual(high);
  });

  it('follows a given base and cap', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, () => 1, { baseMs: 200, maxMs: 500 }))).toEqual([200, 400, 500, 500]);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['12', 12_000],
    [' 3 ', 3000],
    ['0', 0],
    ['1.5', 1500],
    ['Thu, 01 Jan 2026 00:00:05 GMT', 5000],
    ['Wed, 31 Dec 2025 23:59:00 GMT', 0],
    ['-5', undefined],
    ['soon', undefined],
    ['May 2026', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});
