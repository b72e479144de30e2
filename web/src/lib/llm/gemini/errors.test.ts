// Table tests for the Google half of the errors: RetryInfo, per-day quotas, the operator's problems and blocked prompts,
// each against the real bodies captured from Google.
import { describe, expect, it } from 'vitest';
import type { LlmErrorKind } from '../errors.ts';
import { googleError, readGeminiError } from '../testdata/fixtures.ts';
import { geminiBlockedError, geminiUpstreamError, isDailyQuota, retryInfoDelayMs } from './errors.ts';

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

describe('geminiUpstreamError with the captured bodies', () => {
  it.each<[string, LlmErrorKind, RegExp]>([
    ['error-401-unauthenticated.json', 'misconfigured', /Whoever runs the xquizit server needs to check GEMINI_API_KEY/],
    ['error-400-api-key-invalid.json', 'misconfigured', /did not accept this server's Gemini API key/],
    ['error-400-location-not-supported.json', 'misconfigured', /supported region/],
    ['error-403-consumer-suspended.json', 'misconfigured', /revoked/],
    ['error-403-service-disabled.json', 'misconfigured', /Gemini API is turned off/],
    ['error-404-model-not-found.json', 'misconfigured', /no longer offers the model "gemini-x"/],
    ['error-429-per-day-quota.json', 'quota-exhausted', /daily quota/],
    ['error-429-per-minute.json', 'rate-limited', /Try again in 26 seconds/],
    ['error-400-thinking-budget-zero.json', 'bad-request', /bug in the app/],
  ])('%s → %s, in words that say who can fix it', async (file, kind, words) => {
    const { status, body } = await readGeminiError(file);
    const error = geminiUpstreamError({ status, body, model: 'gemini-x' });
    expect(error).toMatchObject({ kind, status });
    expect(error.userMessage).toMatch(words);
    expect(error.message).toContain(String(status));
  });

  it('does not promise a retry in seconds for a per-day quota, and nothing retries it', async () => {
    const { body } = await readGeminiError('error-429-per-day-quota.json');
    expect(retryInfoDelayMs(body)).toBe(47_000);
    const error = geminiUpstreamError({ status: 429, body });
    expect(error).toMatchObject({ kind: 'quota-exhausted', retryable: false, retryAfterMs: undefined });
    expect(error.userMessage).not.toMatch(/seconds/);
  });

  it.each([
    ['error-429-per-day-quota.json', true],
    ['error-429-per-minute.json', false],
  ])('isDailyQuota(%s) is %s', async (file, daily) => {
    expect(isDailyQuota((await readGeminiError(file)).body)).toBe(daily);
  });

  it('prefers Retry-After over RetryInfo', async () => {
    const { body } = await readGeminiError('error-429-per-minute.json');
    expect(geminiUpstreamError({ status: 429, body, headers: new Headers({ 'retry-after': '4' }) }).retryAfterMs).toBe(4000);
    expect(geminiUpstreamError({ status: 429, body }).retryAfterMs).toBe(26_000);
    expect(geminiUpstreamError({ status: 429, body: undefined }).retryAfterMs).toBeUndefined();
  });

  it.each<[number, string, LlmErrorKind]>([
    [500, 'INTERNAL', 'unavailable'],
    [503, 'UNAVAILABLE', 'unavailable'],
    [400, 'INVALID_ARGUMENT', 'bad-request'],
  ])('%i %s → %s', (status, googleStatus, kind) => {
    expect(geminiUpstreamError({ status, body: googleError(status, googleStatus, 'x') })).toMatchObject({ kind, status });
  });

  it('puts Google’s message in the developer message only', () => {
    const error = geminiUpstreamError({ status: 500, body: googleError(500, 'INTERNAL', 'Internal thing.') });
    expect(error.message).toContain('Internal thing.');
    expect(error.userMessage).not.toContain('Internal thing.');
  });
});

describe('geminiBlockedError', () => {
  it('is a safety error that asks to rephrase', () => {
    const error = geminiBlockedError('PROHIBITED_CONTENT');
    expect(error).toMatchObject({ kind: 'safety', finishReason: 'PROHIBITED_CONTENT', partial: false });
    expect(error.userMessage).toContain('Rephrase');
  });
});
