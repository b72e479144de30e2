// The shared client with the Gemini provider against a scripted fake fetch: captured streams cut at odd places,
// retries, replies cut at the output limit, mid-stream drops, aborts, error mapping and the request it sends.
import { describe, expect, it } from 'vitest';
import { generate as generateWith, streamGenerate as streamWith, type GenerateOptions } from './client.ts';
import { LlmError } from './errors.ts';
import { geminiProvider } from './gemini/index.ts';
import type { LlmRequest } from './request.ts';
import type { RetryEvent } from './retry.ts';
import {
  chunkBySizes,
  drain,
  fakeSleep,
  fixtureEventTexts,
  GEMINI_FIXTURES,
  googleError,
  jsonResponse,
  proxyError,
  readGeminiFixture,
  scriptedFetch,
  sseEvent,
  sseResponse,
  textPayload,
  type ScriptStep,
  type StreamProbe,
} from './testdata/fixtures.ts';

const streamGenerate = (request: LlmRequest, options?: GenerateOptions) => streamWith(geminiProvider, request, options);
const generate = (request: LlmRequest, options?: GenerateOptions) => generateWith(geminiProvider, request, options);

const request: LlmRequest = { model: 'gemini-2.5-flash', system: 'Be brief.', contents: [{ role: 'user', text: 'Capital of Wyoming?' }] };

function setup(steps: readonly ScriptStep[], extra: GenerateOptions = {}) {
  const fake = scriptedFetch(steps);
  const sleeper = fakeSleep();
  const retries: RetryEvent[] = [];
  const options: GenerateOptions = { fetch: fake.fetch, sleep: sleeper.sleep, onRetry: (info) => retries.push(info), ...extra };
  return { ...fake, waits: sleeper.waits, retries, options };
}

const ok = (...texts: string[]) => () => sseResponse(texts.map((text, i) => sseEvent(textPayload(text, i === texts.length - 1 ? 'STOP' : undefined))));

const geminiBusy = () => jsonResponse(googleError(503, 'UNAVAILABLE', 'The model is overloaded. Please try again later.'), 503);

async function expectLlmError(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe('streamGenerate with the captured streams', () => {
  const cuts: [string, number[] | undefined][] = [
    ['odd sizes', undefined],
    ['one byte at a time', [1]],
    ['3 and 5 bytes', [3, 5]],
    ['whole', [1_000_000]],
  ];

  describe.each(GEMINI_FIXTURES.filter((name) => !name.includes('failure')))('%s', (name) => {
    it.each(cuts)('yields each event’s text as it arrives (%s)', async (_cut, sizes) => {
      const bytes = await readGeminiFixture(name);
      const t = setup([({ signal }) => sseResponse(chunkBySizes(bytes, sizes), { signal })]);
      const { deltas, result, error } = await drain(streamGenerate(request, t.options));
      expect(error).toBeUndefined();
      const expected = fixtureEventTexts(bytes);
      expect(deltas).toEqual(expected.filter((text) => text !== ''));
      expect(result).toEqual({ text: expected.join(''), finishReason: 'STOP' });
      expect(t.seen).toHaveLength(1);
    });
  });

  it('the short reply is Cheyenne', async () => {
    const bytes = await readGeminiFixture('streaming-success-basic-reply-short');
    const t = setup([() => sseResponse([bytes])]);
    const { result } = await drain(streamGenerate(request, t.options));
    expect(result?.text).toBe('Cheyenne');
  });

  it.each(cuts)('the SAFETY stream yields its partial text, then fails with a safety error (%s)', async (_cut, sizes) => {
    const bytes = await readGeminiFixture('streaming-failure-finish-reason-safety');
    const t = setup([() => sseResponse(chunkBySizes(bytes, sizes))]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(deltas.join('')).toBe(fixtureEventTexts(bytes).join(''));
    expect(deltas.join('')).toBe('No');
    expect(error).toBeInstanceOf(LlmError);
    expect(error).toMatchObject({ kind: 'safety', partial: true, finishReason: 'SAFETY', retryable: true });
    expect((error as LlmError).userMessage).toBe("The interviewer's reply was blocked by the model's safety filter. Try again, or rephrase your last answer.");
    expect(t.seen).toHaveLength(1);
  });

  it('works with for await, which ignores the return value', async () => {
    const t = setup([ok('Hello, ', 'world.')]);
    let text = '';
    for await (const delta of streamGenerate(request, t.options)) text += delta;
    expect(text).toBe('Hello, world.');
  });
});

describe('streamGenerate finish reasons', () => {
  it('never accepts a reply cut at MAX_TOKENS: it voids the text and asks again with twice the room', async () => {
    const t = setup([() => sseResponse([sseEvent(textPayload('Tell me ')), sseEvent(textPayload('about', 'MAX_TOKENS'))]), ok('Tell me about your last project.')]);
    const { deltas, result } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Tell me ', 'about', 'Tell me about your last project.']);
    expect(result).toEqual({ text: 'Tell me about your last project.', finishReason: 'STOP' });
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 0, reason: 'max-tokens' }]);
    const rooms = t.seen.map((seen) => (seen.body as { generationConfig: { maxOutputTokens: number } }).generationConfig.maxOutputTokens);
    expect(rooms).toEqual([1024, 2048]);
  });

  it('asks again with more room when thinking used the whole budget', async () => {
    const thoughtOnly = { candidates: [{ content: { parts: [{ text: 'Let me think', thought: true }] }, finishReason: 'MAX_TOKENS' }] };
    const t = setup([() => sseResponse([sseEvent(thoughtOnly)]), ok('Hello.')]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(error).toBeUndefined();
    expect(deltas).toEqual(['Hello.']);
    expect(t.retries.map((r) => r.reason)).toEqual(['max-tokens']);
  });

  it('fails with max-tokens once the room cannot grow any more', async () => {
    const cut = () => sseResponse([sseEvent(textPayload('Half', 'MAX_TOKENS'))]);
    const t = setup([cut, cut, cut, cut]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'max-tokens', partial: true, retryable: false, finishReason: 'MAX_TOKENS' });
    const rooms = t.seen.map((seen) => (seen.body as { generationConfig: { maxOutputTokens: number } }).generationConfig.maxOutputTokens);
    expect(rooms).toEqual([1024, 2048, 4096, 8192]);
    expect((error as LlmError).userMessage).toMatch(/did not fit its output limit, even with more room/);
  });

  it('fails with empty for a finished stream without text, and does not retry it', async () => {
    const t = setup([() => sseResponse([sseEvent({ candidates: [{ finishReason: 'STOP' }] })])]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'empty', partial: false });
    expect(t.seen).toHaveLength(1);
  });

  it('fails with safety when the prompt itself is blocked', async () => {
    const t = setup([() => sseResponse([sseEvent({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } })])]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'safety', finishReason: 'PROHIBITED_CONTENT' });
    expect(t.seen).toHaveLength(1);
  });

  it('fails with recitation after partial text', async () => {
    const t = setup([() => sseResponse([sseEvent(textPayload('Four score')), sseEvent(textPayload(' and', 'RECITATION'))])]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Four score', ' and']);
    expect(error).toMatchObject({ kind: 'recitation', partial: true });
  });

  it('skips thought parts and SSE comments', async () => {
    const thought = { candidates: [{ content: { parts: [{ text: 'hmm', thought: true }, { text: 'Hi' }] } }] };
    const t = setup([() => sseResponse([': keep-alive\n\n', sseEvent(thought), sseEvent(textPayload('!', 'STOP'))])]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Hi', '!']);
  });
});

describe('streamGenerate retries before any text', () => {
  it('retries a 429 once, waiting as long as Retry-After says', async () => {
    const t = setup([jsonResponse(googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.'), 429, { 'retry-after': '2' }), ok('Back.')]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(error).toBeUndefined();
    expect(deltas).toEqual(['Back.']);
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 2000, reason: 'rate-limited' }]);
    expect(t.waits).toEqual([2000]);
    expect(t.seen).toHaveLength(2);
  });

  it('retries a 503 after the RetryInfo delay in the body', async () => {
    const busy = googleError(503, 'UNAVAILABLE', 'Overloaded.', [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '12s' }]);
    const t = setup([jsonResponse(busy, 503), ok('Ready.')]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Ready.']);
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 12_000, reason: 'unavailable' }]);
  });

  it('backs off exponentially with jitter, then fails with the last error', async () => {
    const t = setup([geminiBusy(), geminiBusy(), geminiBusy(), geminiBusy()]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, retryable: true, partial: false });
    expect(t.seen).toHaveLength(4);
    expect(t.retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'unavailable'],
      [2, 'unavailable'],
      [3, 'unavailable'],
    ]);
    const ranges = [
      [500, 1000],
      [1000, 2000],
      [2000, 4000],
    ];
    t.waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(ranges[i]?.[0] ?? NaN);
      expect(wait).toBeLessThanOrEqual(ranges[i]?.[1] ?? NaN);
    });
  });

  it('gives up on rate limits after maxRetries', async () => {
    const limited = () => jsonResponse(proxyError('rate_limited', 'Too many requests.'), 429, { 'retry-after': '1' });
    const t = setup([limited(), limited()], { maxRetries: 1 });
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 1000 });
    expect(t.seen).toHaveLength(2);
  });

  it('does not wait through a long Retry-After: it fails and says how long to wait', async () => {
    const t = setup([jsonResponse(googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.'), 429, { 'retry-after': '60' })]);
    const error = await expectLlmError(drain(streamGenerate(request, t.options)).then((r) => Promise.reject(r.error)));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAfterMs: 60_000 });
    expect(error.userMessage).toContain('60 seconds');
    expect(t.retries).toEqual([]);
  });

  it.each([500, 502, 504])('retries a %i from the proxy', async (status) => {
    const t = setup([jsonResponse(proxyError('upstream_unreachable', 'Gemini could not be reached.'), status), ok('Fine.')]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Fine.']);
    expect(t.retries.map((r) => r.reason)).toEqual(['unavailable']);
  });

  it('retries a network error before the response', async () => {
    const t = setup([new TypeError('Failed to fetch'), ok('Online.')]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Online.']);
    expect(t.retries.map((r) => r.reason)).toEqual(['network']);
  });

  it('retries a stream that drops before its first text', async () => {
    const t = setup([() => sseResponse([': hello\n\n'], { end: 'error' }), ok('Again.')]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Again.']);
    expect(t.retries.map((r) => r.reason)).toEqual(['network']);
  });

  it('retries an overload error sent inside the stream before any text', async () => {
    const t = setup([() => sseResponse([sseEvent({ error: { code: 503, message: 'Overloaded.', status: 'UNAVAILABLE' } })]), ok('Later.')]);
    const { deltas } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Later.']);
    expect(t.retries.map((r) => r.reason)).toEqual(['unavailable']);
  });

  it.each<[string, Response, string]>([
    ['401', jsonResponse(proxyError('unauthorized', 'A valid access token is required.'), 401), 'unauthorized'],
    ['503 not configured', jsonResponse(proxyError('not_configured', 'Set GEMINI_API_KEY.'), 503), 'not-configured'],
    ['403 model not allowed', jsonResponse(proxyError('model_not_allowed', 'No.'), 403), 'forbidden'],
    ['400', jsonResponse(googleError(400, 'INVALID_ARGUMENT', 'Bad.'), 400), 'bad-request'],
  ])('does not retry a %s', async (_name, response, kind) => {
    const t = setup([response]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind, retryable: false });
    expect(t.seen).toHaveLength(1);
    expect(t.retries).toEqual([]);
  });

  it('names the refused model', async () => {
    const t = setup([jsonResponse(proxyError('model_not_allowed', 'No.'), 403)]);
    const { error } = await drain(streamGenerate({ ...request, model: 'gemini-2.5-pro' }, t.options));
    expect((error as LlmError).userMessage).toContain('"gemini-2.5-pro"');
  });
});

describe('streamGenerate after text was yielded', () => {
  it('does not retry a mid-stream drop: it fails with a partial network error', async () => {
    const bytes = await readGeminiFixture('streaming-success-basic-reply-long');
    const firstTwo = new TextDecoder().decode(bytes).split('\r\n\r\n').slice(0, 2).join('\r\n\r\n') + '\r\n\r\n';
    const t = setup([() => sseResponse([firstTwo], { end: 'error' }), ok('never')]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(fixtureEventTexts(bytes).slice(0, 2));
    expect(error).toMatchObject({ kind: 'network', partial: true, retryable: true });
    expect(t.seen).toHaveLength(1);
    expect(t.retries).toEqual([]);
  });

  it('says a stream that closes without a finish reason stopped before it was finished', async () => {
    const t = setup([() => sseResponse([sseEvent(textPayload('Half a'))]), ok('never')]);
    const { deltas, error } = await drain(streamGenerate(request, t.options));
    expect(deltas).toEqual(['Half a']);
    expect(error).toMatchObject({ kind: 'incomplete', partial: true, retryable: true });
    expect((error as LlmError).userMessage).toBe('The language model stopped sending its reply before it was finished. Try again.');
    expect(t.seen).toHaveLength(1);
  });

  it('does not retry an overload error inside the stream after text', async () => {
    const t = setup([() => sseResponse([sseEvent(textPayload('So')), sseEvent({ error: { code: 503, status: 'UNAVAILABLE' } })]), ok('never')]);
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'unavailable', partial: true });
    expect(t.seen).toHaveLength(1);
  });
});

describe('streamGenerate aborts', () => {
  it('fails with aborted when the signal aborts mid-stream, and releases the body', async () => {
    const controller = new AbortController();
    const probe: StreamProbe = { cancelled: false };
    const t = setup([({ signal }) => sseResponse([sseEvent(textPayload('Hel'))], { end: 'hang', signal, probe })], { signal: controller.signal });
    const stream = streamGenerate(request, t.options);
    expect(await stream.next()).toEqual({ done: false, value: 'Hel' });
    const pending = stream.next();
    controller.abort();
    const error = await expectLlmError(pending);
    expect(error).toMatchObject({ kind: 'aborted', partial: true, retryable: false });
    expect(t.seen).toHaveLength(1);
  });

  it('stops even with a fetch whose body ignores the signal', async () => {
    const controller = new AbortController();
    const probe: StreamProbe = { cancelled: false };
    const t = setup([() => sseResponse([sseEvent(textPayload('Hel'))], { end: 'hang', probe })], { signal: controller.signal });
    const stream = streamGenerate(request, t.options);
    await stream.next();
    const pending = stream.next();
    controller.abort();
    expect(await expectLlmError(pending)).toMatchObject({ kind: 'aborted' });
    expect(probe.cancelled).toBe(true);
  });

  it('fails with aborted before sending when already aborted', async () => {
    const t = setup([ok('never')], { signal: AbortSignal.abort() });
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'aborted', partial: false });
    expect(t.seen).toHaveLength(0);
  });

  it('fails with aborted during the wait before a retry, without trying again', async () => {
    const controller = new AbortController();
    const t = setup([geminiBusy(), ok('never')], {
      signal: controller.signal,
      sleep: (_ms, signal) => {
        controller.abort();
        return Promise.reject(signal?.reason as unknown);
      },
    });
    const { error } = await drain(streamGenerate(request, t.options));
    expect(error).toMatchObject({ kind: 'aborted' });
    expect(t.seen).toHaveLength(1);
  });

  it('cancels the body when the consumer stops reading early', async () => {
    const probe: StreamProbe = { cancelled: false };
    const t = setup([() => sseResponse([sseEvent(textPayload('One ')), sseEvent(textPayload('two'))], { end: 'hang', probe })]);
    for await (const delta of streamGenerate(request, t.options)) {
      expect(delta).toBe('One ');
      break;
    }
    expect(probe.cancelled).toBe(true);
  });
});

describe('the request sent', () => {
  it('posts Gemini’s body to the proxy’s SSE route with the bearer token', async () => {
    const t = setup([ok('Hi')], { getToken: () => 'tok-123' });
    await drain(streamGenerate(request, t.options));
    const sent = t.seen[0];
    expect(sent?.method).toBe('POST');
    expect(`${sent?.url.pathname ?? ''}${sent?.url.search ?? ''}`).toBe('/api/llm/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(sent?.headers.get('authorization')).toBe('Bearer tok-123');
    expect(sent?.headers.get('content-type')).toBe('application/json');
    expect(sent?.headers.get('accept')).toBe('text/event-stream');
    expect(sent?.body).toEqual({
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [{ role: 'user', parts: [{ text: 'Capital of Wyoming?' }] }],
      generationConfig: { temperature: 0.7, maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } },
    });
  });

  it('sends no Authorization header without a token', async () => {
    const t = setup([ok('Hi')], { getToken: () => null });
    await drain(streamGenerate(request, t.options));
    expect(t.seen[0]?.headers.has('authorization')).toBe(false);
  });

  it.each([
    ['gemini-2.5-flash-lite', { thinkingBudget: 0 }],
    ['gemini-2.5-pro', { thinkingBudget: 128 }],
    ['gemini-3-pro-preview', { thinkingLevel: 'LOW' }],
  ])('sets thinkingConfig for %s to %o', async (model, thinkingConfig) => {
    const t = setup([ok('Hi')]);
    await drain(streamGenerate({ ...request, model }, t.options));
    expect((t.seen[0]?.body as { generationConfig: { thinkingConfig?: unknown } }).generationConfig.thinkingConfig).toEqual(thinkingConfig);
  });

  it('throws a programming error, not an LlmError, for a history that starts with the model', async () => {
    const t = setup([ok('never')]);
    const { error } = await drain(streamGenerate({ ...request, contents: [{ role: 'model', text: 'Welcome.' }] }, t.options));
    expect(error).not.toBeInstanceOf(LlmError);
    expect(String(error)).toMatch(/must start with a user turn/);
    expect(t.seen).toHaveLength(0);
  });
});

describe('generate', () => {
  const schema = { type: 'OBJECT', properties: { topics: { type: 'ARRAY', items: { type: 'STRING' } } } };
  const jsonRequest: LlmRequest = { ...request, json: { schema } };
  const answer = (text: string, finishReason = 'STOP') => jsonResponse({ candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason }] });

  it('posts to generateContent in JSON mode and returns the text', async () => {
    const t = setup([answer('{"topics":["Go"]}')], { getToken: () => 'tok' });
    expect(await generate(jsonRequest, t.options)).toBe('{"topics":["Go"]}');
    const sent = t.seen[0];
    expect(sent?.url.pathname).toBe('/api/llm/gemini/v1beta/models/gemini-2.5-flash:generateContent');
    expect(sent?.url.search).toBe('');
    expect(sent?.headers.get('authorization')).toBe('Bearer tok');
    expect((sent?.body as { generationConfig: unknown }).generationConfig).toEqual({
      temperature: 0.7,
      maxOutputTokens: 1024,
      responseMimeType: 'application/json',
      responseSchema: schema,
      thinkingConfig: { thinkingBudget: 0 },
    });
  });

  it('joins the text parts and leaves thoughts out', async () => {
    const t = setup([jsonResponse({ candidates: [{ content: { parts: [{ text: 'x', thought: true }, { text: '{"a":' }, { text: '1}' }] }, finishReason: 'STOP' }] })]);
    expect(await generate(jsonRequest, t.options)).toBe('{"a":1}');
  });

  it('retries a 429 with Retry-After, then answers', async () => {
    const t = setup([jsonResponse(googleError(429, 'RESOURCE_EXHAUSTED', 'Quota.'), 429, { 'retry-after': '3' }), answer('{}')]);
    expect(await generate(jsonRequest, t.options)).toBe('{}');
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 3000, reason: 'rate-limited' }]);
  });

  it('retries a network failure while reading the body', async () => {
    const broken = () => new Response(new ReadableStream({ pull: (c) => c.error(new TypeError('terminated')) }), { status: 200 });
    const t = setup([broken, answer('{}')]);
    expect(await generate(jsonRequest, t.options)).toBe('{}');
    expect(t.retries.map((r) => r.reason)).toEqual(['network']);
  });

  it('asks again with more room when JSON was cut at the output limit', async () => {
    const t = setup([answer('{"topics":["Go", "Ru', 'MAX_TOKENS'), answer('{"topics":["Go","Rust"]}')]);
    expect(await generate(jsonRequest, t.options)).toBe('{"topics":["Go","Rust"]}');
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 0, reason: 'max-tokens' }]);
    expect((t.seen[1]?.body as { generationConfig: { maxOutputTokens: number } }).generationConfig.maxOutputTokens).toBe(2048);
  });

  it('fails with max-tokens when every try is cut at the limit', async () => {
    const t = setup([answer('A long ans', 'MAX_TOKENS'), answer('A long ans', 'MAX_TOKENS')], { maxRetries: 1 });
    expect(await expectLlmError(generate(request, t.options))).toMatchObject({ kind: 'max-tokens', retryable: false });
    expect(t.seen).toHaveLength(2);
  });

  it.each<[string, Response, string]>([
    ['a SAFETY stop', answer('', 'SAFETY'), 'safety'],
    ['a blocked prompt', jsonResponse({ promptFeedback: { blockReason: 'SAFETY' } }), 'safety'],
    ['an empty answer', jsonResponse({ candidates: [{ content: { parts: [] }, finishReason: 'STOP' }] }), 'empty'],
    ['a missing token', jsonResponse(proxyError('unauthorized', 'Token required.'), 401), 'unauthorized'],
  ])('fails on %s without retrying', async (_name, response, kind) => {
    const t = setup([response]);
    expect(await expectLlmError(generate(jsonRequest, t.options))).toMatchObject({ kind });
    expect(t.seen).toHaveLength(1);
  });

  it('fails with unavailable after retries when the body is not JSON', async () => {
    const html = () => new Response('<html>', { status: 200 });
    const t = setup([html, html], { maxRetries: 1 });
    expect(await expectLlmError(generate(jsonRequest, t.options))).toMatchObject({ kind: 'unavailable' });
    expect(t.seen).toHaveLength(2);
  });

  it('fails with aborted when aborted before the answer', async () => {
    const controller = new AbortController();
    const t = setup(
      [
        ({ signal }) =>
          new Promise<Response>((_resolve, reject) => {
            signal.addEventListener('abort', () => reject(signal.reason as Error));
            controller.abort();
          }),
      ],
      { signal: controller.signal },
    );
    expect(await expectLlmError(generate(jsonRequest, t.options))).toMatchObject({ kind: 'aborted' });
  });
});
