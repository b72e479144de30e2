// The Gemini relay over real sockets: byte-exact streams, chunk-by-chunk timing, aborts, upstream failures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geminiFixturesDir } from './fakes/index.ts';
import { geminiBody, startStack, streamPath, type Stack } from './stack.ts';


let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ UPSTREAM_TIMEOUT_MS: '400' });
});
afterAll(() => stack.close());

const post = (path: string, body: string, init: RequestInit = {}) => fetch(`${stack.proxy.url}${path}`, { method: 'POST', body, ...init });

describe('streaming relay', () => {
  it.each(['streaming-success-basic-reply-short', 'streaming-success-basic-reply-long', 'streaming-success-utf8', 'streaming-failure-finish-reason-safety'])(
    'relays %s byte for byte',
    async (name) => {
      stack.gemini.enqueue({ kind: 'fixture', name });
      const res = await post(streamPath(), geminiBody());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const relayed = Buffer.from(await res.arrayBuffer());
      expect(relayed.equals(readFileSync(join(geminiFixturesDir(), `${name}.txt`)))).toBe(true);
    },
  );

  it('delivers the first chunk while the upstream is still writing', async () => {
    stack.gemini.enqueue({ kind: 'text', text: 'one two three four', chunks: 4, delayMs: 300 });
    const res = await post(streamPath(), geminiBody());
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    const upstreamRequest = stack.gemini.requests.at(-1)!;
    // The upstream pauses 300 ms before each later chunk: a buffering relay would hand over all four at once.
    expect(first).toMatch(/"text": ?"one /);
    expect(first).not.toContain('four');
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('four');
    expect(upstreamRequest.stream).toBe(true);
  });

  it('aborts the upstream request when the client disconnects', async () => {
    const before = stack.gemini.aborted;
    stack.gemini.enqueue({ kind: 'text', text: 'a b c d e f', chunks: 6, delayMs: 200 });
    const controller = new AbortController();
    const res = await post(streamPath(), geminiBody(), { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(() => stack.gemini.aborted, { timeout: 3000 }).toBe(before + 1);
  });

  it('sends the stream with the security headers, CORS for an allowed origin, and logs its status', async () => {
    const cors = await startStack({ ALLOWED_ORIGINS: 'https://coach.example' });
    try {
      cors.gemini.enqueue({ kind: 'text', text: 'Hello there', chunks: 2 });
      const res = await fetch(`${cors.proxy.url}${streamPath()}`, { method: 'POST', body: geminiBody(), headers: { origin: 'https://coach.example' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(res.headers.get('access-control-allow-origin')).toBe('https://coach.example');
      expect(await res.text()).toContain('there');
      await expect.poll(() => cors.logs.join('\n')).toMatch(/POST \/api\/llm\/gemini\/v1beta\/models\/gemini-2\.5-flash:streamGenerateContent 200 \d+\.\dms/);
    } finally {
      await cors.close();
    }
  });

  it('cuts the client off when the upstream falls silent mid-stream, rather than ending cleanly', async () => {
    stack.gemini.enqueue({ kind: 'text', text: 'one two', chunks: 2, delayMs: 1500 });
    const res = await post(streamPath(), geminiBody());
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('one');
    await expect(
      (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
      })(),
    ).rejects.toThrow();
  });

  it('relays non-streaming generateContent as JSON', async () => {
    stack.gemini.enqueue({ kind: 'text', text: 'Hello there' });
    const res = await post('/api/llm/gemini/v1beta/models/gemini-2.5-flash:generateContent', geminiBody());
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('Hello there');
  });
});

describe('upstream failures', () => {
  it('relays 429 with its JSON body and Retry-After', async () => {
    stack.gemini.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 7 });
    const res = await post(streamPath(), geminiBody());
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
  });

  it.each([400, 503] as const)('relays %i with its JSON body', async (status) => {
    stack.gemini.enqueue({ kind: 'error', status });
    const res = await post(streamPath(), geminiBody());
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code: status } });
  });

  it('answers 504 when the upstream stays silent past the timeout', async () => {
    stack.gemini.enqueue({ kind: 'hang' });
    const res = await post(streamPath(), geminiBody());
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const down = await startStack({ GEMINI_BASE_URL: 'http://127.0.0.1:9' });
    try {
      const res = await fetch(`${down.proxy.url}${streamPath()}`, { method: 'POST', body: geminiBody() });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: { code: 'upstream_unreachable', message: expect.stringContaining('ECONNREFUSED') } });
    } finally {
      await down.close();
    }
  });
});

describe('request limits on a socket', () => {
  it('cuts off a chunked body past MAX_BODY_BYTES with 413', async () => {
    const small = await startStack({ MAX_BODY_BYTES: '4096' });
    try {
      const big = new TextEncoder().encode(geminiBody('x'.repeat(20_000)));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < big.length; i += 1024) controller.enqueue(big.slice(i, i + 1024));
          controller.close();
        },
      });
      const res = await fetch(`${small.proxy.url}${streamPath()}`, { method: 'POST', body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
      expect(small.gemini.requests).toHaveLength(0);
    } finally {
      await small.close();
    }
  });
});
