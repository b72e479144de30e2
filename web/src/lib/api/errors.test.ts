// Table tests for turning the proxy's error bodies into ApiError.
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromBody, isUnauthorized, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './errors.ts';

describe('apiErrorFromBody', () => {
  it('reads code and message from the proxy error shape', () => {
    const error = apiErrorFromBody(401, { error: { code: 'unauthorized', message: 'A valid access token is required.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthorized');
    expect(error.message).toBe('A valid access token is required.');
  });

  it('keeps a relayed status such as 429', () => {
    const error = apiErrorFromBody(429, { error: { code: 'rate_limited', message: 'Slow down.' } });
    expect([error.status, error.code]).toEqual([429, 'rate_limited']);
  });

  it('fills in an empty message', () => {
    const error = apiErrorFromBody(500, { error: { code: 'internal', message: '' } });
    expect(error.message).toContain('500');
  });

  it.each([
    ['undefined (not JSON)', undefined],
    ['a string', 'Bad Gateway'],
    ['an upstream Gemini error', { error: { code: 400, message: 'API key not valid', status: 'INVALID_ARGUMENT' } }],
    ['missing message', { error: { code: 'x' } }],
    ['empty code', { error: { code: '', message: 'm' } }],
    ['an array', [1, 2]],
  ])('falls back to unexpected_response for %s', (_name, body) => {
    const error = apiErrorFromBody(502, body);
    expect(error.status).toBe(502);
    expect(error.code).toBe(UNEXPECTED_RESPONSE);
    expect(error.message).toContain('502');
  });
});

describe('isUnauthorized', () => {
  it.each([
    [new ApiError(401, 'unauthorized', 'm'), true],
    [new ApiError(401, UNEXPECTED_RESPONSE, 'm'), true],
    [new ApiError(403, 'unauthorized', 'm'), true],
    [new ApiError(403, 'forbidden_origin', 'm'), false],
    [new ApiError(0, NETWORK_ERROR, 'm'), false],
    [new Error('401'), false],
  ])('%o → %s', (error, expected) => {
    expect(isUnauthorized(error)).toBe(expected);
  });
});
