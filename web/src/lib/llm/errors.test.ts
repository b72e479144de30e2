// Table tests for LlmError, the proxy's own error responses, finish reasons and Retry-After, the same for every provider.
import { describe, expect, it } from 'vitest';
import {
  defaultUserMessage,
  isProxyErrorCode,
  isRetryableKind,
  LlmError,
  llmErrorByStatus,
  llmErrorForFinish,
  llmErrorFromProxy,
  type Finish,
  type LlmErrorKind,
} from './errors.ts';
import { proxyError } from './testdata/fixtures.ts';

const KINDS: LlmErrorKind[] = [
  'rate-limited',
  'quota-exhausted',
  'unavailable',
  'network',
  'incomplete',
  'safety',
  'recitation',
  'max-tokens',
  'empty',
  'bad-request',
  'unauthorized',
  'not-configured',
  'misconfigured',
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

describe('llmErrorFromProxy', () => {
  it.each<[string, number, string, LlmErrorKind, boolean]>([
    ['401', 401, 'unauthorized', 'unauthorized', false],
    ['403 model not allowed', 403, 'model_not_allowed', 'forbidden', false],
    ['403 origin', 403, 'forbidden_origin', 'forbidden', false],
    ['429', 429, 'rate_limited', 'rate-limited', true],
    ['503 not configured', 503, 'not_configured', 'not-configured', false],
    ['503 shutting down', 503, 'shutting_down', 'unavailable', true],
    ['502', 502, 'upstream_unreachable', 'unavailable', true],
    ['504', 504, 'upstream_timeout', 'unavailable', true],
    ['500', 500, 'internal', 'unavailable', true],
    ['400', 400, 'bad_request', 'bad-request', false],
    ['404', 404, 'not_found', 'bad-request', false],
    ['413', 413, 'payload_too_large', 'bad-request', false],
  ])('%s → %s', (_name, status, code, kind, retryable) => {
    const error = llmErrorFromProxy({ status, code, body: proxyError(code, 'The proxy says why.'), model: 'm' }, 'Gemini');
    expect(error).toMatchObject({ kind, retryable, status, partial: false });
    expect(error.message).toContain(String(status));
    expect(error.message).toContain('The proxy says why.');
  });

  it('says which model is not allowed and where to pick another', () => {
    const error = llmErrorFromProxy({ status: 403, code: 'model_not_allowed', body: undefined, model: 'gemini-2.5-pro' }, 'Gemini');
    expect(error.userMessage).toBe('This server does not allow the model "gemini-2.5-pro". Pick another model on the setup screen.');
  });

  it('uses the plain messages for a missing token and a provider that is not set up', () => {
    expect(llmErrorFromProxy({ status: 401, code: 'unauthorized', body: undefined }, 'Gemini').userMessage).toMatch(/^This server needs an access token/);
    expect(llmErrorFromProxy({ status: 503, code: 'not_configured', body: undefined }, 'Gemini').userMessage).toMatch(/^The language model \(Gemini\) is not configured on this server/);
  });

  it('keeps the proxy’s Retry-After', () => {
    expect(llmErrorFromProxy({ status: 429, code: 'rate_limited', body: undefined, headers: new Headers({ 'retry-after': '4' }) }, 'Gemini').retryAfterMs).toBe(4000);
  });
});

describe('isProxyErrorCode', () => {
  it.each([
    ['not_configured', true],
    ['model_not_allowed', true],
    ['model_not_found', false],
    ['invalid_api_key', false],
    [undefined, false],
  ])('%s → %s', (code, expected) => {
    expect(isProxyErrorCode(code)).toBe(expected);
  });
});

describe('llmErrorByStatus', () => {
  it.each<[number, LlmErrorKind]>([
    [400, 'bad-request'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'bad-request'],
    [408, 'unavailable'],
    [429, 'rate-limited'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ])('%i → %s', (status, kind) => {
    expect(llmErrorByStatus(status, 'm')).toMatchObject({ kind, status });
  });
});

describe('llmErrorForFinish', () => {
  const finish = (reason: Finish['reason']): Finish => ({ reason, raw: reason.toUpperCase() });
  it.each<[Finish['reason'], boolean, LlmErrorKind | undefined]>([
    ['stop', true, undefined],
    ['stop', false, 'empty'],
    ['other', true, undefined],
    ['other', false, 'empty'],
    ['length', true, 'max-tokens'],
    ['length', false, 'max-tokens'],
    ['safety', true, 'safety'],
    ['safety', false, 'safety'],
    ['recitation', true, 'recitation'],
  ])('%s with text %s → %s', (reason, hasText, kind) => {
    const error = llmErrorForFinish(finish(reason), hasText, 'Gemini');
    expect(error?.kind).toBe(kind);
    if (error) expect(error).toMatchObject({ partial: hasText, finishReason: reason.toUpperCase() });
  });

  it('never takes a reply cut at the output limit as complete, however much text it has', () => {
    expect(llmErrorForFinish({ reason: 'length', raw: 'length' }, true, 'OpenAI-compatible server')?.message).toMatch(/mid-reply/);
  });
});
