// The OpenAI-compatible relay over real sockets: each family's captured stream byte for byte, chunk-by-chunk
// timing, aborts, and the servers' errors relayed with status, body and Retry-After.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPENAI_CAPTURED_DIR } from './fakes/index.ts';
import { CHAT_PATH, chatBody, startStack, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ UPSTREAM_TIMEOUT_MS: '400' });
});
afterAll(() => stack.close());

const post = (body: string, init: RequestInit = {}) => fetch(`${stack.proxy.url}${CHAT_PATH}`, { method: 'POST', body, ...init });

describe('streaming relay', () => {
  it.each([
    'openai-structured-output',
    'ollama-thinking',
    'ollama-length',
    'llamacpp-thinking',
    'llamacpp-error-mid-stream',
    'vllm-thinking',
    'vllm-error-mid-stream',
    'openrouter-thinking',
    'openrouter-error-mid-stream',
  ])('relays %s byte for byte', async (name) => {
    stack.openai.enqueue({ kind: 'captured', name });
    const res = await post(chatBody());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(OPENAI_CAPTURED_DIR, `${name}.txt`)))).toBe(true);
  });

  it('delivers the first chunk while the upstream is still writing', async () => {
    stack.openai.enqueue({ kind: 'text', text: 'one two three four', chunks: 4, delayMs: 300 });
    const res = await post(chatBody());
    const reader = res.body!.getReader();
    let first = '';
    // The role chunk comes first; the first content follows at once, the rest 300 ms apart.
    while (!first.includes('one')) first += new TextDecoder().decode((await reader.read()).value);
    expect(first).not.toContain('four');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('four');
    expect(rest.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('aborts the upstream request when the client disconnects', async () => {
    const before = stack.openai.aborted;
    stack.openai.enqueue({ kind: 'text', text: 'a b c d e f', chunks: 6, delayMs: 200 });
    const controller = new AbortController();
    const res = await post(chatBody(), { signal: controller.signal });
    await res.body!.getReader().read();
    controller.abort();
    await expect.poll(() => stack.openai.aborted, { timeout: 3000 }).toBe(before + 1);
  });

  it('relays a whole completion as JSON', async () => {
    stack.openai.enqueue({ kind: 'text', text: '{"strategy":"s","topics":["A"]}' });
    const res = await post(chatBody('hi', { stream: false }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ object: 'chat.completion', choices: [{ message: { content: '{"strategy":"s","topics":["A"]}' }, finish_reason: 'stop' }] });
  });
});

describe('upstream failures', () => {
  it('relays a 429 with its body and Retry-After', async () => {
    stack.openai.enqueue({ kind: 'error', status: 429, captured: 'openai-error-429-rate-limit.json', retryAfterSeconds: 20 });
    const res = await post(chatBody());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect(await res.json()).toMatchObject({ error: { code: 'rate_limit_exceeded' } });
  });

  it.each([
    [401, 'openai-error-401-invalid-api-key.json', 'invalid_api_key'],
    [404, 'ollama-error-404-model-not-found.json', null],
    [500, 'openai-error-500.json', null],
  ])('relays %i with its body', async (status, captured, code) => {
    stack.openai.enqueue({ kind: 'error', status, captured });
    const res = await post(chatBody());
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code } });
  });

  it('relays the server’s own "model not found" for a model it does not have', async () => {
    const narrow = await startStack({ OPENAI_MODELS: 'qwen3:8b,gemma3' });
    try {
      const res = await fetch(`${narrow.proxy.url}${CHAT_PATH}`, { method: 'POST', body: chatBody('hi', { model: 'gemma3' }) });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { type: 'not_found_error', message: 'model "gemma3" not found, try pulling it first' } });
    } finally {
      await narrow.close();
    }
  });

  it('answers 504 when the upstream stays silent past the timeout', async () => {
    stack.openai.enqueue({ kind: 'hang' });
    const res = await post(chatBody());
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout', message: expect.stringContaining('OpenAI-compatible server') } });
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const down = await startStack({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    try {
      const res = await fetch(`${down.proxy.url}${CHAT_PATH}`, { method: 'POST', body: chatBody() });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: { code: 'upstream_unreachable', message: expect.stringContaining('ECONNREFUSED') } });
    } finally {
      await down.close();
    }
  });
});
