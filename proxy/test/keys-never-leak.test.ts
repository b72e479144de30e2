// Drives every route, failures included, and searches every response and log line for the API keys.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHAT_PATH, chatBody, geminiBody, startStack, streamPath, TEST_KEYS, type Stack } from './stack.ts';

const TOKEN = 'access-token-5f2e71';
let stack: Stack;
const printed: string[] = [];

beforeAll(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: string | Uint8Array) => boolean;
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return write(chunk);
    });
  }
  stack = await startStack({ PROXY_TOKENS: TOKEN, UPSTREAM_TIMEOUT_MS: '300', MAX_BODY_BYTES: '4096', RATE_LIMIT_PER_MINUTE: '40' });
});
afterAll(async () => {
  await stack.close();
  vi.restoreAllMocks();
});

describe('API keys', () => {
  it('never appear in any response body, header or log line', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const seen: string[] = [];
    const record = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${stack.proxy.url}${path}`, init);
      seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${await res.text()}`);
    };
    const gemini = (body = geminiBody()) => record(streamPath(), { method: 'POST', headers: auth, body });
    const chat = (body = chatBody()) => record(CHAT_PATH, { method: 'POST', headers: auth, body });
    const stt = () => record('/api/stt/runpod', { method: 'POST', headers: auth, body: JSON.stringify({ audio_base64: 'AAAA' }) });

    await record('/api/health', { headers: auth });
    await record('/');
    await record('/assets/none.js');
    await record('/api/unknown', { headers: auth });
    await record(streamPath(), { method: 'POST', body: geminiBody() });
    await record('/api/health', { headers: { origin: 'https://elsewhere.example' } });
    await gemini();
    stack.gemini.enqueue({ kind: 'fixture', name: 'streaming-failure-finish-reason-safety' });
    await gemini();
    stack.gemini.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 3 });
    await gemini();
    stack.gemini.enqueue({ kind: 'error', status: 503 });
    await gemini();
    stack.gemini.enqueue({ kind: 'error', status: 400, message: `API key ${TEST_KEYS.gemini} is not valid` });
    await gemini();
    stack.gemini.enqueue({ kind: 'hang' });
    await gemini();
    await gemini('{"contents":');
    await gemini(geminiBody('x'.repeat(5000)));
    await record(streamPath('not-allowed'), { method: 'POST', headers: auth, body: geminiBody() });
    await chat();
    await record(CHAT_PATH, { method: 'POST', body: chatBody() });
    stack.openai.enqueue({ kind: 'captured', name: 'openrouter-error-mid-stream' });
    await chat();
    stack.openai.enqueue({ kind: 'error', status: 429, captured: 'openai-error-429-rate-limit.json', retryAfterSeconds: 3 });
    await chat();
    stack.openai.enqueue({ kind: 'error', status: 401, body: `{"error":{"message":"Incorrect API key provided: ${TEST_KEYS.openai}","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}` });
    await chat();
    stack.openai.enqueue({ kind: 'error', status: 500, body: `upstream said ${TEST_KEYS.openai}` });
    await chat();
    stack.openai.enqueue({ kind: 'mid-stream-error', text: 'Half', message: 'boom' });
    await chat();
    stack.openai.enqueue({ kind: 'hang' });
    await chat();
    await chat('{"model":');
    await chat(chatBody('x'.repeat(5000)));
    await chat(chatBody('hi', { tools: [] }));
    await record(CHAT_PATH, { method: 'POST', headers: auth, body: chatBody('hi', { model: 'not-allowed' }) });
    await stt();
    stack.runpod.enqueue({ kind: 'failed', error: `worker saw key ${TEST_KEYS.runpod}` });
    await stt();
    stack.runpod.enqueue({ kind: 'timed_out' });
    await stt();
    stack.runpod.enqueue({ kind: 'http-error', status: 401 });
    await stt();
    stack.runpod.enqueue({ kind: 'http-error', status: 500, body: `{"error":"bad auth ${TEST_KEYS.runpod}"}` });
    await stt();

    expect(seen).toHaveLength(32);
    expect(stack.logs.length).toBeGreaterThan(15);
    expect(stack.gemini.requests.some((r) => r.headers['x-goog-api-key'] === TEST_KEYS.gemini)).toBe(true);
    expect(stack.openai.requests.some((r) => r.headers['authorization'] === `Bearer ${TEST_KEYS.openai}`)).toBe(true);
    const everything = [...seen, ...stack.logs, ...printed].join('\n');
    for (const secret of [TEST_KEYS.gemini, TEST_KEYS.openai, TEST_KEYS.runpod]) expect(everything).not.toContain(secret);
    expect([...stack.logs, ...printed].join('\n')).not.toContain(TOKEN);
    expect(seen.join('\n')).toContain('[redacted]');
  });
});
