// The waits between tries of a failed transcription.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, retryDelayMs } from './retry.ts';

describe('retryDelayMs', () => {
  it('follows the shared backoff (1 s doubling to 8 s, with jitter), and honours a longer Retry-After up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, DEFAULT_RETRY_POLICY, undefined, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, DEFAULT_RETRY_POLICY, undefined, () => 0))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 5000, () => 1)).toBe(5000);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 60_000, () => 1)).toBe(8000);
  });
});
