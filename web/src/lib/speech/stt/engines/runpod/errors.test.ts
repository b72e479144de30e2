// Which RunPod transcription failures are retried.
import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR } from '../../../../api/index.ts';
import { isRetryable, TranscriptionTimeout } from './errors.ts';

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['a network drop', new ApiError(0, NETWORK_ERROR, 'x'), true],
    ['a slow try', new TranscriptionTimeout('x'), true],
    ['a RunPod failure of the machine (502)', new ApiError(502, 'upstream_error', 'x'), true],
    ['a queue timeout (504)', new ApiError(504, 'upstream_timeout', 'x'), true],
    ['rate limiting (429)', new ApiError(429, 'rate_limited', 'x'), true],
    ['a relayed 500', new ApiError(500, 'unexpected_response', 'x'), true],
    ['a clip the worker cannot transcribe (422)', new ApiError(422, 'transcription_failed', 'x'), false],
    ['no speech-to-text on the server', new ApiError(503, 'not_configured', 'x'), false],
    ['a bad request', new ApiError(400, 'bad_request', 'x'), false],
    ['a missing token', new ApiError(401, 'unauthorized', 'x'), false],
    ['a clip too large', new ApiError(413, 'payload_too_large', 'x'), false],
    ['a programming error', new TypeError('x'), false],
  ])('%s → %s', (_, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
