// Each server family's error bodies, captured, read into one shape and mapped to words that say who can fix what.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { LlmErrorKind } from '../errors.ts';
import { openAiUpstreamError, readServerError } from './errors.ts';

const CAPTURED = new URL('../../../../../proxy/test/fakes/captured/openai/', import.meta.url);
const body = async (file: string): Promise<unknown> => JSON.parse(await readFile(new URL(file, CAPTURED), 'utf8')) as unknown;

describe('openAiUpstreamError with the captured bodies', () => {
  it.each<[string, number, LlmErrorKind, RegExp]>([
    ['openai-error-401-invalid-api-key.json', 401, 'misconfigured', /check OPENAI_API_KEY/],
    ['openai-error-404-model-not-found.json', 404, 'misconfigured', /does not have the model "gpt-9"/],
    ['ollama-error-404-model-not-found.json', 404, 'misconfigured', /ollama pull/],
    ['vllm-error-404-model-not-found.json', 404, 'misconfigured', /Pick another model/],
    ['openai-error-429-rate-limit.json', 429, 'rate-limited', /too many requests/],
    ['openai-error-429-insufficient-quota.json', 429, 'quota-exhausted', /no credit or quota left/],
    ['openrouter-error-402-credits.json', 402, 'quota-exhausted', /top it up/],
    ['openai-error-400-max-tokens.json', 400, 'bad-request', /bug in the app/],
    ['openai-error-500.json', 500, 'unavailable', /busy or unavailable/],
  ])('%s → %s', async (file, status, kind, words) => {
    const error = openAiUpstreamError({ status, body: await body(file), model: 'gpt-9' });
    expect(error).toMatchObject({ kind, status });
    expect(error.userMessage).toMatch(words);
  });

  it('keeps Retry-After on a 429', async () => {
    const error = openAiUpstreamError({ status: 429, body: await body('openai-error-429-rate-limit.json'), headers: new Headers({ 'retry-after': '20' }) });
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 20_000 });
  });

  it('puts the server’s message in the developer message only', async () => {
    const error = openAiUpstreamError({ status: 500, body: await body('openai-error-500.json') });
    expect(error.message).toContain('The server had an error');
    expect(error.userMessage).not.toContain('The server had an error');
  });
});

describe('readServerError', () => {
  it.each([
    ['OpenAI', { error: { message: 'm', type: 't', param: null, code: 'c' } }, { message: 'm', code: 'c', type: 't' }],
    ['OpenRouter', { error: { message: 'm', code: 402 } }, { message: 'm', code: 402, type: undefined }],
    ['old vLLM', { object: 'error', message: 'm', type: 'NotFoundError', param: null, code: 404 }, { message: 'm', code: 404, type: 'NotFoundError' }],
    ['a string', { error: 'm' }, { message: 'm', code: undefined, type: undefined }],
    ['FastAPI', { detail: 'Not Found' }, { message: 'Not Found', code: undefined, type: undefined }],
    ['nothing', { hello: 1 }, undefined],
    ['not an object', 'oops', undefined],
  ])('%s', (_name, input, expected) => {
    expect(readServerError(input)).toEqual(expected);
  });
});
