// The shared client and the Gemini provider against the fake Gemini over a real socket, each of Google's real
// behaviours the fake reproduces: thoughts that take the budget, a bare JSON error in the stream, a stream with no
// finish reason, the operator's errors, a spent daily quota, Gemini 3 at temperature 1.0; and the rules table checked
// against what each model accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../../../../../proxy/test/fakes/index.ts';
import { thinkingRefusal } from '../../../../../proxy/test/fakes/gemini-thinking.ts';
import { streamGenerate, type GenerateOptions } from '../client.ts';
import type { LlmRequest } from '../request.ts';
import type { RetryEvent } from '../retry.ts';
import { drain } from '../testdata/fixtures.ts';
import { buildGeminiBody } from './body.ts';
import { geminiProvider } from './index.ts';

const KEY = 'fake-key';
let fake: FakeGemini;
beforeAll(async () => {
  fake = await startFakeGemini({ apiKey: KEY });
});
afterAll(() => fake.close());

/** A fetch that sends the client's proxy path straight to the fake, with the key the proxy would add. */
const toFake: typeof fetch = (input, init = {}) => {
  const url = new URL(String(input), 'http://app.test');
  const headers = new Headers(init.headers);
  headers.set('x-goog-api-key', KEY);
  return fetch(`${fake.url}${url.pathname.replace('/api/llm/gemini', '')}${url.search}`, { ...init, headers });
};

function run(model: string, extra: Partial<LlmRequest> = {}) {
  const retries: RetryEvent[] = [];
  const options: GenerateOptions = { fetch: toFake, onRetry: (info) => retries.push(info), sleep: async () => undefined };
  const request: LlmRequest = { model, contents: [{ role: 'user', text: 'Ask me one question.' }], ...extra };
  return { retries, result: drain(streamGenerate(geminiProvider, request, options)) };
}

describe('the Gemini client against the fake Gemini', () => {
  it('asks again with more room when thoughts leave too little for the question, and speaks only the complete one', async () => {
    const question = `${'Tell me about the hardest production incident you handled, what you changed afterwards, '.repeat(30)}and why?`;
    fake.enqueue({ kind: 'text', text: question, thoughtTokens: 1500 }, { kind: 'text', text: question, thoughtTokens: 1500 });
    const { retries, result } = run('gemini-pro-latest');
    const { result: done, error } = await result;
    expect(error).toBeUndefined();
    expect(done?.text).toBe(question);
    expect(retries.map((r) => r.reason)).toEqual(['max-tokens']);
    const rooms = fake.requests.slice(-2).map((r) => (r.body as { generationConfig: { maxOutputTokens: number } }).generationConfig.maxOutputTokens);
    expect(rooms).toEqual([2048, 3072]);
  });

  it('reads a bare JSON error in the stream as Google’s error, with its retry hint, not as a lost connection', async () => {
    fake.enqueue({ kind: 'bare-error', name: 'error-429-per-minute' });
    const { retries, result } = run('gemini-2.5-flash');
    const { error } = await result;
    // 26 s is longer than the client waits by itself: it says how long instead.
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 26_000, userMessage: expect.stringContaining('Try again in 26 seconds') });
    expect(retries).toEqual([]);
  });

  it('says a stream that ended without a finish reason stopped early, not that the network failed', async () => {
    fake.enqueue({ kind: 'no-finish', text: 'Half a' });
    const { error } = await run('gemini-2.5-flash', {}).result;
    expect(error).toMatchObject({ kind: 'incomplete', partial: true, userMessage: 'The language model stopped sending its reply before it was finished. Try again.' });
  });

  it.each([
    ['error-403-consumer-suspended', /revoked/],
    ['error-403-service-disabled', /turned off/],
    ['error-404-model-not-found', /no longer offers the model "gemini-2.5-flash"/],
    ['error-400-location-not-supported', /supported region/],
    ['error-401-unauthenticated', /GEMINI_API_KEY/],
  ])('tells the candidate who can fix %s, and does not retry it', async (name, words) => {
    fake.enqueue({ kind: 'captured-error', name });
    const { retries, result } = run('gemini-2.5-flash');
    const { error } = await result;
    expect(error).toMatchObject({ kind: 'misconfigured', retryable: false });
    expect((error as { userMessage: string }).userMessage).toMatch(words);
    expect(retries).toEqual([]);
  });

  it('says the daily quota is used up instead of promising a retry in 47 seconds', async () => {
    fake.enqueue({ kind: 'captured-error', name: 'error-429-per-day-quota' });
    const { retries, result } = run('gemini-2.5-flash');
    const { error } = await result;
    expect(error).toMatchObject({ kind: 'quota-exhausted', retryable: false });
    expect((error as { userMessage: string }).userMessage).toMatch(/daily quota/);
    expect(retries).toEqual([]);
  });

  it('runs Gemini 3 at temperature 1.0, where it does not loop', async () => {
    fake.enqueue({ kind: 'text', text: 'What did you learn from it?', loopsWhenCold: true });
    const { result } = run('gemini-3-flash-preview', { temperature: 0.7 });
    expect((await result).result?.text).toBe('What did you learn from it?');
  });
});

describe('the rules table against what each model accepts', () => {
  it.each(['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro', 'gemini-3-pro-preview', 'gemini-3.1-pro-preview', 'gemini-3-flash-preview', 'gemini-2.0-flash', 'gemini-flash-latest'])(
    '%s takes the thinkingConfig the app sends',
    (model) => {
      const body = buildGeminiBody({ model, contents: [{ role: 'user', text: 'x' }] }, 1024);
      expect(thinkingRefusal(model, body.generationConfig.thinkingConfig)).toBeUndefined();
    },
  );

  it.each([
    ['gemini-2.5-pro', { thinkingBudget: 0 }],
    ['gemini-3-pro-preview', { thinkingLevel: 'MINIMAL' }],
    ['gemini-2.5-flash', { thinkingLevel: 'LOW' }],
  ])('and %s refuses %o, which a rule-free body would send', (model, thinkingConfig) => {
    expect(thinkingRefusal(model, thinkingConfig)).toBeDefined();
  });
});
