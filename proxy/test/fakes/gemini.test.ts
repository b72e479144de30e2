// Socket-level tests of the fake Gemini: byte-exact fixture replays, generated SSE,
// pacing, key and shape checks, Google's error bodies and client aborts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { geminiFixturesDir, parseEvents, startFakeGemini, type FakeGemini } from './index.ts';

const KEY = 'test-gemini-key';
const MODEL = 'gemini-2.5-flash';
const STREAM = `/v1beta/models/${MODEL}:streamGenerateContent?alt=sse`;
const UNARY = `/v1beta/models/${MODEL}:generateContent`;
const FIXTURES_DIR = geminiFixturesDir();
const FIXTURES = [
  'streaming-failure-finish-reason-safety',
  'streaming-success-basic-reply-long',
  'streaming-success-basic-reply-short',
  'streaming-success-utf8',
] as const;
const validBody = {
  systemInstruction: { parts: [{ text: 'You are an interviewer.' }] },
  contents: [{ role: 'user', parts: [{ text: 'Hello, I am ready.' }] }],
  generationConfig: { temperature: 0.7, maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } },
};

interface Payload {
  candidates: { content: { parts: { text: string }[]; role: string }; finishReason?: string; index: number }[];
  usageMetadata?: { promptTokenCount: number; candidatesTokenCount: number; totalTokenCount: number };
  modelVersion: string;
}

let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini({ apiKey: KEY, fixturesDir: FIXTURES_DIR });
});

afterAll(async () => {
  await fake.close();
});

function post(path: string, body: unknown, init: { key?: string | null; signal?: AbortSignal } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key !== null) headers['x-goog-api-key'] = init.key ?? KEY;
  return fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: init.signal,
  });
}

function bodyReader(response: Response): ReadableStreamDefaultReader<Uint8Array> {
  if (!response.body) throw new Error('response has no body');
  return response.body.getReader();
}

describe('fake Gemini streaming', () => {
  it.each(FIXTURES)('replays %s byte for byte', async (name) => {
    fake.enqueue({ kind: 'fixture', name });
    const response = await post(STREAM, validBody);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-length')).toBeNull();
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(readFileSync(join(FIXTURES_DIR, `${name}.txt`)))).toBe(true);
  });

  it('streams a text reply as Gemini SSE events whose texts join to the input', async () => {
    const text = 'Great. Tell me about a time you disagreed with a teammate, and how it ended.';
    fake.enqueue({ kind: 'text', text, chunks: 4 });
    const raw = await (await post(STREAM, validBody)).text();
    const events = raw.split('\r\n\r\n');
    expect(events.pop()).toBe('');
    expect(events).toHaveLength(4);
    for (const event of events) expect(event).toMatch(/^data: \{"candidates": \[\{"content": \{"parts": \[\{"text": /);
    const payloads = parseEvents(raw) as Payload[];
    expect(payloads.map((p) => p.candidates[0]?.content.parts[0]?.text).join('')).toBe(text);
    expect(payloads.map((p) => p.candidates[0]?.finishReason)).toEqual([undefined, undefined, undefined, 'STOP']);
    for (const payload of payloads) {
      expect(payload.modelVersion).toBe(MODEL);
      expect(payload.candidates[0]?.content.role).toBe('model');
      expect(payload.candidates[0]?.index).toBe(0);
    }
    const usage = payloads.at(-1)?.usageMetadata;
    expect(usage?.totalTokenCount).toBe((usage?.promptTokenCount ?? 0) + (usage?.candidatesTokenCount ?? 0));
  });

  it('sends given chunks as they are, with the chosen finish reason and no usage', async () => {
    fake.enqueue({ kind: 'text', text: 'ignored', chunks: ['Tell me ', 'more ', 'ü🙂.'], finishReason: 'MAX_TOKENS', usage: false });
    const payloads = parseEvents(await (await post(STREAM, validBody)).text()) as Payload[];
    expect(payloads.map((p) => p.candidates[0]?.content.parts[0]?.text)).toEqual(['Tell me ', 'more ', 'ü🙂.']);
    expect(payloads.at(-1)?.candidates[0]?.finishReason).toBe('MAX_TOKENS');
    expect(payloads.every((p) => p.usageMetadata === undefined)).toBe(true);
  });

  it('spaces chunks by delayMs: the first event arrives before the stream ends', async () => {
    fake.enqueue({ kind: 'text', text: 'one two three', chunks: 3, delayMs: 150 });
    const response = await post(STREAM, validBody);
    const reader = bodyReader(response);
    const decoder = new TextDecoder();
    const first = await reader.read();
    expect(first.done).toBe(false);
    const firstPayloads = parseEvents(decoder.decode(first.value, { stream: true })) as Payload[];
    expect(firstPayloads).toHaveLength(1);
    expect(firstPayloads[0]?.candidates[0]?.finishReason).toBeUndefined();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += decoder.decode(chunk.value, { stream: true });
    }
    const restPayloads = parseEvents(rest) as Payload[];
    expect(restPayloads).toHaveLength(2);
    expect(restPayloads.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
  });

  it('holds the first event for firstTokenMs, then spaces the rest by delayMs, noting when each was written', async () => {
    fake.enqueue({ kind: 'text', text: 'one two three', chunks: 3, firstTokenMs: 120, delayMs: 30 });
    const response = await post(STREAM, validBody);
    const payloads = parseEvents(await response.text()) as Payload[];
    expect(payloads.map((p) => p.candidates[0]?.content.parts[0]?.text).join('')).toBe('one two three');
    const record = fake.requests.at(-1)!;
    expect(record.eventsWrittenAt).toHaveLength(3);
    const [first, second, third] = record.eventsWrittenAt as [number, number, number];
    // Timers may fire a millisecond early on a busy machine; the order and the spacing are what matter.
    expect(first - record.receivedAt).toBeGreaterThanOrEqual(115);
    expect(second - first).toBeGreaterThanOrEqual(25);
    expect(third - second).toBeGreaterThanOrEqual(25);
  });

  it('makes a unary answer wait firstTokenMs and delayMs before answering', async () => {
    fake.enqueue({ kind: 'text', text: 'judged', chunks: 1, firstTokenMs: 80, delayMs: 40 });
    const sentAt = Date.now();
    const body = (await (await post(UNARY, validBody)).json()) as Payload;
    expect(body.candidates[0]?.content.parts).toEqual([{ text: 'judged' }]);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(115);
    expect(fake.requests.at(-1)?.eventsWrittenAt).toEqual([]);
  });

  it('stamps each clock chunk with the time it was written', async () => {
    fake.enqueue({ kind: 'clock', chunks: 3, delayMs: 20 });
    const before = performance.timeOrigin + performance.now();
    const payloads = parseEvents(await (await post(STREAM, validBody)).text()) as Payload[];
    const stamps = payloads.map((p) => Number(p.candidates[0]?.content.parts[0]?.text.slice(1)));
    expect(stamps).toHaveLength(3);
    expect(stamps[0]).toBeGreaterThanOrEqual(Math.floor(before));
    expect(stamps[1]!).toBeGreaterThan(stamps[0]!);
    expect(stamps[2]!).toBeGreaterThan(stamps[1]!);
    expect(payloads.map((p) => p.candidates[0]?.finishReason)).toEqual([undefined, undefined, 'STOP']);
  });

  it('answers queued replies in order, then the responder', async () => {
    fake.enqueue({ kind: 'text', text: 'first', chunks: 1 }, { kind: 'text', text: 'second', chunks: 1 });
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const payloads = parseEvents(await (await post(STREAM, validBody)).text()) as Payload[];
      texts.push(payloads.map((p) => p.candidates[0]?.content.parts[0]?.text).join(''));
    }
    expect(texts.slice(0, 2)).toEqual(['first', 'second']);
    expect(texts[2]).toMatch(/\?$/);
  });

  it('records each request', async () => {
    await (await post(STREAM, validBody)).text();
    const record = fake.requests.at(-1);
    expect(record).toMatchObject({ method: 'POST', path: STREAM, model: MODEL, stream: true, body: validBody });
    expect(record?.headers['x-goog-api-key']).toBe(KEY);
    expect(typeof record?.receivedAt).toBe('number');
  });
});

describe('fake Gemini checks', () => {
  it('rejects a wrong key with API_KEY_INVALID', async () => {
    const response = await post(STREAM, validBody, { key: 'wrong' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }],
      },
    });
  });

  it('rejects a missing key with PERMISSION_DENIED', async () => {
    const response = await post(STREAM, validBody, { key: null });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');
  });

  it('rejects contents that start with a model turn', async () => {
    const body = { contents: [{ role: 'model', parts: [{ text: 'Hi' }] }, { role: 'user', parts: [{ text: 'Yo' }] }] };
    const response = await post(STREAM, body);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { status: string; message: string } }).error;
    expect(error.status).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain("First content should be with role 'user'");
  });

  it.each([
    ['empty contents', { contents: [] }],
    ['a part without text', { contents: [{ parts: [{}] }] }],
    ['an unknown field', { ...validBody, tools: [] }],
    ['an unknown generationConfig field', { ...validBody, generationConfig: { maxTokens: 5 } }],
    ['thinkingBudget with thinkingLevel', { ...validBody, generationConfig: { thinkingConfig: { thinkingBudget: 0, thinkingLevel: 'low' } } }],
    ['a temperature above 2', { ...validBody, generationConfig: { temperature: 3 } }],
    ['a body that is not JSON', '{"contents": ['],
  ])('rejects %s', async (_, body) => {
    const response = await post(STREAM, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
  });

  it('accepts snake_case fields, as Google does', async () => {
    const body = { system_instruction: { parts: [{ text: 'Be brief.' }] }, contents: validBody.contents, generation_config: { max_output_tokens: 64 } };
    const response = await post(STREAM, body);
    expect(response.status).toBe(200);
    await response.text();
  });

  it('needs alt=sse to stream and answers 404 for unknown paths', async () => {
    expect((await post(`/v1beta/models/${MODEL}:streamGenerateContent`, validBody)).status).toBe(400);
    const response = await post(`/v1/models/${MODEL}:generateContent`, validBody);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('NOT_FOUND');
  });
});

describe('fake Gemini errors and aborts', () => {
  it('answers 429 with Retry-After and RetryInfo', async () => {
    fake.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 7 });
    const response = await post(STREAM, validBody);
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    const body = (await response.json()) as { error: { code: number; status: string; details: unknown[] } };
    expect(body.error.code).toBe(429);
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details).toContainEqual({ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' });
  });

  it('answers 503 UNAVAILABLE with the overload message', async () => {
    fake.enqueue({ kind: 'error', status: 503 });
    const response = await post(UNARY, validBody);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: 503, message: 'The model is overloaded. Please try again later.', status: 'UNAVAILABLE' },
    });
  });

  it('keeps a reply queued for streamed calls past a call that is not streamed', async () => {
    fake.enqueueStreamed({ kind: 'error', status: 503 });
    expect((await post(UNARY, validBody)).status).toBe(200);
    expect((await post(STREAM, validBody)).status).toBe(503);
    expect((await post(STREAM, validBody)).status).toBe(200);
  });

  it('counts a client that aborts a delayed stream', async () => {
    const before = fake.aborted;
    fake.enqueue({ kind: 'text', text: 'a b c d', chunks: 4, delayMs: 5_000 });
    const controller = new AbortController();
    const response = await post(STREAM, validBody, { signal: controller.signal });
    await bodyReader(response).read();
    controller.abort();
    await vi.waitFor(() => {
      expect(fake.aborted).toBe(before + 1);
    });
  });

  it('hangs until the client goes away', async () => {
    const before = fake.aborted;
    const count = fake.requests.length;
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    const pending = post(STREAM, validBody, { signal: controller.signal });
    await vi.waitFor(() => {
      expect(fake.requests.length).toBe(count + 1);
    });
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => {
      expect(fake.aborted).toBe(before + 1);
    });
  });
});

describe('fake Gemini generateContent', () => {
  it('answers a text reply as one JSON object', async () => {
    const text = 'What drew you to this role?';
    fake.enqueue({ kind: 'text', text, chunks: 3 });
    const response = await post(UNARY, validBody);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as Payload;
    expect(body.candidates[0]?.content.parts).toEqual([{ text }]);
    expect(body.candidates[0]?.finishReason).toBe('STOP');
    expect(body.modelVersion).toBe(MODEL);
    expect(fake.requests.at(-1)?.stream).toBe(false);
  });

  it('folds a fixture into one response', async () => {
    const name = 'streaming-failure-finish-reason-safety';
    fake.enqueue({ kind: 'fixture', name });
    const body = (await (await post(UNARY, validBody)).json()) as Payload & { promptFeedback?: unknown };
    const expected = parseEvents(readFileSync(join(FIXTURES_DIR, `${name}.txt`), 'utf8')) as Payload[];
    expect(body.candidates[0]?.content.parts[0]?.text).toBe(expected.map((p) => p.candidates[0]?.content.parts[0]?.text).join(''));
    expect(body.candidates[0]?.finishReason).toBe('SAFETY');
    expect(body.promptFeedback).toBeDefined();
  });

  it('refuses to queue a fixture that does not exist', () => {
    expect(() => {
      fake.enqueue({ kind: 'fixture', name: 'no-such-fixture' });
    }).toThrow(/no fixture/);
  });
});

/** A payload whose candidate may have no parts (thoughts took the budget) or an empty content. */
interface BarePayload {
  candidates: { content: { parts?: { text: string }[]; role?: string }; finishReason?: string }[];
  usageMetadata?: { thoughtsTokenCount?: number };
}

describe('fake Gemini, as the real models behave', () => {
  const events = async (response: Response) => parseEvents(await response.text()) as BarePayload[];
  const streamOf = (model: string) => `/v1beta/models/${model}:streamGenerateContent?alt=sse`;
  const config = (generationConfig: Record<string, unknown>) => ({ ...validBody, generationConfig });

  it('lets thoughts take the whole budget: no text, MAX_TOKENS, thoughtsTokenCount in the usage', async () => {
    fake.enqueue({ kind: 'text', text: 'Tell me about a project you led.', thoughtTokens: 2000 });
    const payloads = await events(await post(streamOf('gemini-2.5-pro'), config({ maxOutputTokens: 1024 })));
    expect(payloads).toHaveLength(1);
    expect(payloads[0]?.candidates[0]).toMatchObject({ content: { role: 'model' }, finishReason: 'MAX_TOKENS' });
    expect(payloads[0]?.candidates[0]?.content).not.toHaveProperty('parts');
    expect(payloads[0]?.usageMetadata).toMatchObject({ thoughtsTokenCount: 1024 });
  });

  it('cuts the text where thoughts and text reach maxOutputTokens', async () => {
    fake.enqueue({ kind: 'text', text: 'x'.repeat(400), thoughtTokens: 80 });
    const payloads = await events(await post(streamOf('gemini-2.5-pro'), config({ maxOutputTokens: 100, thinkingConfig: { thinkingBudget: 128 } })));
    expect(payloads.map((p) => p.candidates[0]?.content.parts?.[0]?.text ?? '').join('')).toBe('x'.repeat(80));
    expect(payloads.at(-1)?.candidates[0]?.finishReason).toBe('MAX_TOKENS');
  });

  it('thinks nothing on 2.5 Flash with a budget of 0, so the whole reply fits', async () => {
    fake.enqueue({ kind: 'text', text: 'A short question?', thoughtTokens: 5000 });
    const payloads = await events(await post(STREAM, config({ maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } })));
    expect(payloads.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
  });

  it.each([
    ['gemini-2.5-pro', { thinkingBudget: 0 }, 'Budget 0 is invalid. This model only works in thinking mode.'],
    ['gemini-2.5-pro', { thinkingBudget: 64 }, 'The thinking budget (64) is invalid.'],
    ['gemini-2.5-flash-lite', { thinkingBudget: 100 }, 'The thinking budget (100) is invalid.'],
    ['gemini-2.5-flash', { thinkingLevel: 'LOW' }, 'Thinking level is not supported for this model.'],
    ['gemini-3-pro-preview', { thinkingLevel: 'MINIMAL' }, 'Thinking level MINIMAL is not supported for this model.'],
    ['gemini-3-pro-preview', { thinkingLevel: 'LOW', thinkingBudget: 128 }, 'thinkingBudget and thinkingLevel cannot be set together.'],
  ])('refuses %s with %o as Google does', async (model, thinkingConfig, message) => {
    const res = await post(streamOf(model), config({ thinkingConfig }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT', message: expect.stringContaining(message) } });
  });

  it.each([
    ['gemini-2.5-pro', { thinkingBudget: 128 }],
    ['gemini-2.5-flash-lite', { thinkingBudget: 0 }],
    ['gemini-3-pro-preview', { thinkingLevel: 'LOW' }],
    ['gemini-3-flash-preview', { thinkingLevel: 'MINIMAL' }],
  ])('takes %s with %o', async (model, thinkingConfig) => {
    expect((await post(streamOf(model), config({ thinkingConfig }))).status).toBe(200);
  });

  it('loops a Gemini 3 reply below temperature 1.0 until MAX_TOKENS, and not at 1.0', async () => {
    fake.enqueue({ kind: 'text', text: 'What did you learn?', loopsWhenCold: true }, { kind: 'text', text: 'What did you learn?', loopsWhenCold: true });
    const cold = await events(await post(streamOf('gemini-3-flash-preview'), config({ temperature: 0.7, maxOutputTokens: 64 })));
    expect(cold.at(-1)?.candidates[0]?.finishReason).toBe('MAX_TOKENS');
    const warm = await events(await post(streamOf('gemini-3-flash-preview'), config({ temperature: 1, maxOutputTokens: 64 })));
    expect(warm.map((p) => p.candidates[0]?.content.parts?.[0]?.text ?? '').join('')).toBe('What did you learn?');
  });

  it.each([
    ['error-403-consumer-suspended', 403, 'PERMISSION_DENIED'],
    ['error-403-service-disabled', 403, 'PERMISSION_DENIED'],
    ['error-404-model-not-found', 404, 'NOT_FOUND'],
    ['error-400-location-not-supported', 400, 'FAILED_PRECONDITION'],
    ['error-401-unauthenticated', 401, 'UNAUTHENTICATED'],
    ['error-429-per-day-quota', 429, 'RESOURCE_EXHAUSTED'],
  ])('answers the captured %s body with status %i, in the stream’s content type', async (name, status, googleStatus) => {
    fake.enqueue({ kind: 'captured-error', name });
    const res = await post(STREAM, validBody);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(await res.text()).toBe(readFileSync(join(FIXTURES_DIR, `${name}.json`), 'utf8'));
    expect(googleStatus).toBeTruthy();
  });

  it('writes a bare JSON error into a 200 event stream', async () => {
    fake.enqueue({ kind: 'bare-error', name: 'error-429-per-minute', afterText: 'So' });
    const res = await post(STREAM, validBody);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('data: {')).toBe(true);
    expect(text).toContain('\r\n\r\n{\n  "error": {\n    "code": 429,');
  });

  it('ends a stream without a finish reason, its last event’s content empty', async () => {
    fake.enqueue({ kind: 'no-finish', text: 'Half a' });
    const payloads = await events(await post(STREAM, validBody));
    expect(payloads.map((p) => p.candidates[0]?.finishReason)).toEqual([undefined, undefined]);
    expect(payloads.at(-1)?.candidates[0]?.content).toEqual({});
  });
});
