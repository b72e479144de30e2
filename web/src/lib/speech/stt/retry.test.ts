// Which transcription failures are retried, and how long the waits are.
import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../api/index.ts';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, TranscriptionTimeout } from './retry.ts';

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['a network drop', new ApiError(0, NETWORK_ERROR, 'x'), true],
    ['a slow try', new TranscriptionTimeout('x'), true],
    ['a RunPod job that failed (502)', new ApiError(502, 'upstream_error', 'x'), true],
    ['a queue timeout (504)', new ApiError(504, 'upstream_timeout', 'x'), true],
    ['rate limiting (429)', new ApiError(429, 'rate_limited', 'x'), true],
    ['a relayed 500', new ApiError(500, 'unexpected_response', 'x'), true],
    ['no speech-to-text on the server', new ApiError(503, 'not_configured', 'x'), false],
    ['a bad request', new ApiError(400, 'bad_request', 'x'), false],
    ['a missing token', new ApiError(401, 'unauthorized', 'x'), false],
    ['a clip too large', new ApiError(413, 'payload_too_large', 'x'), false],
    ['a programming error', new TypeError('x'), false],
  ])('%s → %s', (_, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('doubles from 1 s up to the cap, and honours a longer Retry-After', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 5)).toBe(5000);
    expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 60)).toBe(8000);
  });
});
