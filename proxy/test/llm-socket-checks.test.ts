// The LLM routes over a real socket, as a client meets them: token, origin, per-minute limit, allowlist, body size and
// shape, clamping, and log lines that carry neither bodies nor keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_PATH, geminiBody, startStack, streamPath, TEST_KEYS, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    PROXY_TOKENS: 'good-token',
    RATE_LIMIT_PER_MINUTE: '12',
    ALLOWED_ORIGINS: 'https://app.example',
    MAX_BODY_BYTES: '4096',
    GEMINI_MAX_OUTPUT_TOKENS: '1024',
  });
});
afterAll(() => stack.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.proxy.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer good-token', ...headers } });

describe('the LLM routes on a socket', () => {
  it('refuse a call without a valid token with 401, before reaching the upstream', async () => {
    const before = stack.gemini.requests.length;
    const res = await post(streamPath(), geminiBody(), { authorization: 'Bearer wrong' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await post(CHAT_PATH, '{}', { authorization: '' })).status).toBe(401);
    expect(stack.gemini.requests.length).toBe(before);
  });

  it('refuse an origin that is not allowed with 403, and grant CORS to one that is', async () => {
    const refused = await post(streamPath(), geminiBody(), { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const granted = await post(streamPath('gemini-9-unknown'), geminiBody(), { origin: 'https://app.example' });
    expect(granted.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(await granted.json()).toMatchObject({ error: { code: 'model_not_allowed' } });
  });

  it('refuse a body past MAX_BODY_BYTES with 413, bad JSON and non-objects with 400', async () => {
    const big = await post(streamPath(), geminiBody('x'.repeat(5000)));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    const bad = await post(streamPath(), '{"contents": [');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect((await post(CHAT_PATH, '[1, 2]')).status).toBe(400);
  });

  it('clamp the generation config and send our key, never the client’s token', async () => {
    const res = await post(streamPath(), geminiBody('hi', { generationConfig: { maxOutputTokens: 100_000, candidateCount: 4 } }));
    expect(res.status).toBe(200);
    await res.text();
    const received = stack.gemini.requests.at(-1);
    expect(received?.headers['x-goog-api-key']).toBe(TEST_KEYS.gemini);
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.body).toMatchObject({ generationConfig: { maxOutputTokens: 1024, candidateCount: 1 } });
    const chat = await post(CHAT_PATH, JSON.stringify({ model: 'qwen3:8b', n: 3, messages: [{ role: 'user', content: 'hi' }] }));
    expect(chat.status).toBe(200);
    expect(stack.openai.requests.at(-1)?.body).toMatchObject({ n: 1 });
  });

  it('refuse calls past the per-minute limit with 429 and Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 14; i++) {
      last = await post(streamPath('gemini-9-unknown'), geminiBody());
      if (last.status === 429) break;
      await last.body?.cancel();
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last?.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it('log each call with its status and never a body or key', () => {
    expect(stack.logs.some((line) => /^POST \/api\/llm\/gemini\/v1beta\/models\/gemini-2\.5-flash:streamGenerateContent 200 /.test(line))).toBe(true);
    for (const status of [401, 403, 413, 400, 429]) expect(stack.logs.some((line) => line.includes(` ${status} `))).toBe(true);
    expect(stack.logs.join('\n')).not.toMatch(/good-token|xxxxx|test-gemini-key/);
  });
});
