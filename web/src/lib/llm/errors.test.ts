// Table tests for mapping HTTP failures, finish reasons and retry hints onto LlmError.
import { describe, expect, it } from 'vitest';
import {
  defaultUserMessage,
  isRetryableKind,
  LlmError,
  llmErrorForBlock,
  llmErrorForFinish,
  llmErrorFromHttp,
  retryInfoDelayMs,
  type LlmErrorKind,
} from './errors.ts';
import { googleError, proxyError } from './testdata/fixtures.ts';

const KINDS: LlmErrorKind[] = [
  'rate-limited',
  'unavailable',
  'network',
  'safety',
  'recitation',
  'max-tokens',
  'empty',
  'bad-request',
  'unauthorized',
  'not-configured',
  'forbidden',
  'aborted',
];

describe('LlmError', () => {
  it('is an Error with its kind, retryability and plain message', () => {
    const error = new LlmError('safety', 'finishReason SAFETY', { finishReason: 'SAFETY', partial: true });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'LlmError', kind: 'safety', retryable: true, partial: true, finishReason: 'SAFETY', message: 'finishReason SAFETY' });
    expect(error.userMessage).toBe("The interviewer's reply was blocked by the model's safety filter. Try again, or rephrase your last answer.");
  });

  it.each(KINDS)('%s has a plain-words message that ends with what to do', (kind) => {
    const message = defaultUserMessage(kind);
    expect(message.length).toBeGreaterThan(15);
    expect(message).toMatch(/\.$/);
    expect(typeof isRetryableKind(kind)).toBe('boolean');
  });

  it('names the wait when the server gave one', () => {
    expect(new LlmError('rate-limited', 'm', { retryAfterMs: 12_400 }).userMessage).toContain('13 seconds');
  });
});

describe('retryInfoDelayMs', () => {
  const retryInfo = (retryDelay: string) => googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.', [
    { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
    { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay },
  ]);
  it.each([
    ['12s', retryInfo('12s'), 12_000],
    ['0.5s', retryInfo('0.5s'), 500],
    ['38.123456s', retryInfo('38.123456s'), 38_123],
    ['no unit', retryInfo('12'), undefined],
    ['no RetryInfo', googleError(503, 'UNAVAILABLE', 'Overloaded.'), undefined],
    ['not an error body', { hello: 1 }, undefined],
    ['undefined', undefined, undefined],
  ])('%s', (_name, body, expected) => {
    expect(retryInfoDelayMs(body)).toBe(expected);
  });
});

describe('llmErrorFromHttp', () => {
  it.each<[string, number, string | undefined, unknown, LlmErrorKind, boolean]>([
    ['proxy 401', 401, 'unauthorized', proxyError('unauthorized', 'A valid access token is required.'), 'unauthorized', false],
    ['proxy 403 model not allowed', 403, 'model_not_allowed', proxyError('model_not_allowed', 'no'), 'forbidden', false],
    ['proxy 403 origin', 403, 'forbidden_origin', proxyError('forbidden_origin', 'no'), 'forbidden', false],
    ['Gemini 403', 403, undefined, googleError(403, 'PERMISSION_DENIED', 'Denied.'), 'forbidden', false],
    ['proxy 429', 429, 'rate_limited', proxyError('rate_limited', 'Too many.'), 'rate-limited', true],
    ['Gemini 429', 429, undefined, googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.'), 'rate-limited', true],
    ['proxy 503 not configured', 503, 'not_configured', proxyError('not_configured', 'set GEMINI_API_KEY'), 'not-configured', false],
    ['proxy 503 shutting down', 503, 'shutting_down', proxyError('shutting_down', 'bye'), 'unavailable', true],
    ['Gemini 503', 503, undefined, googleError(503, 'UNAVAILABLE', 'Overloaded.'), 'unavailable', true],
    ['Gemini 500', 500, undefined, googleError(500, 'INTERNAL', 'Oops.'), 'unavailable', true],
    ['proxy 502', 502, 'upstream_unreachable', proxyError('upstream_unreachable', 'x'), 'unavailable', true],
    ['proxy 504', 504, 'upstream_timeout', proxyError('upstream_timeout', 'x'), 'unavailable', true],
    ['not JSON 502', 502, undefined, undefined, 'unavailable', true],
    ['proxy 400', 400, 'bad_request', proxyError('bad_request', 'x'), 'bad-request', false],
    ['Gemini 400', 400, undefined, googleError(400, 'INVALID_ARGUMENT', 'Bad.'), 'bad-request', false],
    [
      'Gemini 400 bad key',
      400,
      undefined,
      googleError(400, 'INVALID_ARGUMENT', 'API key not valid.', [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }]),
      'not-configured',
      false,
    ],
    ['proxy 404', 404, 'not_found', proxyError('not_found', 'x'), 'bad-request', false],
    ['proxy 413', 413, 'payload_too_large', proxyError('payload_too_large', 'x'), 'bad-request', false],
  ])('%s → %s', (_name, status, code, body, kind, retryable) => {
    const error = llmErrorFromHttp({ status, code, body, model: 'gemini-x' });
    expect(error).toMatchObject({ kind, retryable, status, partial: false });
    expect(error.message).toContain(String(status));
  });

  it('says which model is not allowed', () => {
    const error = llmErrorFromHttp({ status: 403, code: 'model_not_allowed', body: undefined, model: 'gemini-2.5-pro' });
    expect(error.userMessage).toContain('"gemini-2.5-pro"');
  });

  it('uses the plain messages for a missing token and a missing key', () => {
    expect(llmErrorFromHttp({ status: 401, code: 'unauthorized', body: undefined }).userMessage).toMatch(/^This server needs an access token/);
    expect(llmErrorFromHttp({ status: 503, code: 'not_configured', body: undefined }).userMessage).toMatch(/^The language model is not configured on this server/);
  });

  it('prefers Retry-After over RetryInfo', () => {
    const body = googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '30s' }]);
    expect(llmErrorFromHttp({ status: 429, body, headers: new Headers({ 'retry-after': '4' }) }).retryAfterMs).toBe(4000);
    expect(llmErrorFromHttp({ status: 429, body }).retryAfterMs).toBe(30_000);
    expect(llmErrorFromHttp({ status: 429, body: undefined }).retryAfterMs).toBeUndefined();
  });

  it('puts Google’s message in the developer message only', () => {
    const error = llmErrorFromHttp({ status: 500, body: googleError(500, 'INTERNAL', 'Internal thing.') });
    expect(error.message).toContain('Internal thing.');
    expect(error.userMessage).not.toContain('Internal thing.');
  });
});

describe('llmErrorForFinish', () => {
  it.each<[string | undefined, boolean, LlmErrorKind | undefined]>([
    ['STOP', true, undefined],
    ['STOP', false, 'empty'],
    [undefined, false, 'empty'],
    ['MAX_TOKENS', true, undefined],
    ['MAX_TOKENS', false, 'max-tokens'],
    ['SAFETY', true, 'safety'],
    ['SAFETY', false, 'safety'],
    ['PROHIBITED_CONTENT', false, 'safety'],
    ['BLOCKLIST', true, 'safety'],
    ['SPII', true, 'safety'],
    ['RECITATION', true, 'recitation'],
    ['OTHER', true, undefined],
    ['OTHER', false, 'empty'],
  ])('%s with text %s → %s', (reason, hasText, kind) => {
    const error = llmErrorForFinish(reason, hasText);
    expect(error?.kind).toBe(kind);
    if (error && (kind === 'safety' || kind === 'recitation')) expect(error.partial).toBe(hasText);
  });

  it('explains an output budget spent on thinking', () => {
    expect(llmErrorForFinish('MAX_TOKENS', false)?.userMessage).toMatch(/^The model used up its output budget before writing anything/);
  });
});

describe('llmErrorForBlock', () => {
  it('is a safety error that asks to rephrase', () => {
    const error = llmErrorForBlock('PROHIBITED_CONTENT');
    expect(error).toMatchObject({ kind: 'safety', finishReason: 'PROHIBITED_CONTENT', partial: false });
    expect(error.userMessage).toContain('Rephrase');
  });
});
