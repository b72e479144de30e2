// The proxy's rules, driven through app.fetch without a socket: health, the /api gate, limits, static files.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_PATH, chatBody, geminiBody, startStack, streamPath, TEST_KEYS, type Stack } from '../test/stack.ts';
import { createApp } from './app.ts';
import { parseConfig } from './config/index.ts';
import { createContext } from './context.ts';
import type { HealthBody } from './routes/health.ts';

function appWith(env: Record<string, string>) {
  return createApp(createContext(parseConfig(env), { version: 'test', logSink: () => undefined }));
}

const call = (app: ReturnType<typeof appWith>, path: string, init: RequestInit = {}) => app.fetch(new Request(`http://127.0.0.1:8787${path}`, init));

describe('health', () => {
  it('reports what is configured', async () => {
    const app = appWith({ GEMINI_API_KEY: 'g', RUNPOD_API_KEY: 'r', RUNPOD_ENDPOINT_ID: 'e', XQUIZIT_DEMO: '1' });
    const res = await call(app, '/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      version: 'test',
      demo: true,
      auth: { required: false, authorized: true },
      llm: {
        provider: 'gemini',
        models: ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro'],
        defaultModel: 'gemini-2.5-flash',
        providers: [{ provider: 'gemini', models: ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro'], defaultModel: 'gemini-2.5-flash' }],
      },
      stt: { provider: 'runpod' },
      models: null,
      limits: { store: 'memory', perMinute: 120, dailyRequests: null },
    });
  });

  it('lists every configured LLM provider, the default first and at the top for older apps', async () => {
    const both = { GEMINI_API_KEY: 'g', GEMINI_MODELS: 'gemini-2.5-flash', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODELS: 'qwen3:8b,llama3.2' };
    const gemini = { provider: 'gemini', models: ['gemini-2.5-flash'], defaultModel: 'gemini-2.5-flash' };
    const openai = { provider: 'openai', models: ['qwen3:8b', 'llama3.2'], defaultModel: 'qwen3:8b' };
    const llmOf = async (env: Record<string, string>) => ((await (await call(appWith(env), '/api/health')).json()) as HealthBody).llm;
    expect(await llmOf(both)).toEqual({ ...gemini, providers: [gemini, openai] });
    expect(await llmOf({ ...both, LLM_PROVIDER: 'openai' })).toEqual({ ...openai, providers: [openai, gemini] });
    expect(await llmOf({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODELS: 'qwen3:8b,llama3.2' })).toEqual({ ...openai, providers: [openai] });
  });

  it('reports unconfigured features as null, and the unconfigured routes answer 503', async () => {
    const app = appWith({});
    expect(await (await call(app, '/api/health')).json()).toMatchObject({ llm: null, stt: null, models: null });
    const llm = await call(app, streamPath(), { method: 'POST', body: geminiBody() });
    expect(llm.status).toBe(503);
    expect(await llm.json()).toEqual({ error: { code: 'not_configured', message: expect.stringContaining('GEMINI_API_KEY') } });
    const chat = await call(app, CHAT_PATH, { method: 'POST', body: chatBody() });
    expect(chat.status).toBe(503);
    expect(await chat.json()).toEqual({ error: { code: 'not_configured', message: expect.stringContaining('OPENAI_BASE_URL') } });
    const stt = await call(app, '/api/stt/runpod', { method: 'POST', body: '{"audio_base64":"AAAA"}' });
    expect(stt.status).toBe(503);
    expect(await stt.json()).toMatchObject({ error: { code: 'not_configured' } });
  });

  it('tells the app whether its token is valid, without needing one', async () => {
    const app = appWith({ PROXY_TOKENS: 'tok-1' });
    const authOf = async (headers: Record<string, string>) => ((await (await call(app, '/api/health', { headers })).json()) as HealthBody).auth;
    const [anonymous, good, bad] = [await authOf({}), await authOf({ authorization: 'Bearer tok-1' }), await authOf({ authorization: 'Bearer nope' })];
    expect([anonymous, good, bad]).toEqual([
      { required: true, authorized: false },
      { required: true, authorized: true },
      { required: true, authorized: false },
    ]);
  });
});

describe('the /api gate', () => {
  it('needs a bearer token on every route but health when PROXY_TOKENS is set', async () => {
    const app = appWith({ PROXY_TOKENS: 'tok-1', GEMINI_API_KEY: 'g' });
    for (const [path, init] of [
      [streamPath(), { method: 'POST', body: geminiBody() }],
      ['/api/stt/runpod', { method: 'POST', body: '{}' }],
      ['/api/anything', {}],
    ] as const) {
      const res = await call(app, path, init);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    const wrong = await call(app, '/api/anything', { headers: { authorization: 'Bearer tok-2' } });
    expect(wrong.status).toBe(401);
    const right = await call(app, '/api/anything', { headers: { authorization: 'Bearer tok-1' } });
    expect(right.status).toBe(404);
  });

  it('allows only ALLOWED_ORIGINS cross-origin, and answers their preflight', async () => {
    const app = appWith({ ALLOWED_ORIGINS: 'https://coach.example' });
    const allowed = await call(app, '/api/health', { headers: { origin: 'https://coach.example' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://coach.example');
    const denied = await call(app, '/api/health', { headers: { origin: 'https://evil.example' } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    expect(await denied.json()).toMatchObject({ error: { code: 'forbidden_origin' } });
    const preflight = await call(app, '/api/stt/runpod', {
      method: 'OPTIONS',
      headers: { origin: 'https://coach.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const sameOrigin = await call(app, '/api/health', { headers: { origin: 'http://127.0.0.1:8787' } });
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('rate-limits per token or address with 429 and Retry-After', async () => {
    const app = appWith({ RATE_LIMIT_PER_MINUTE: '3', PROXY_TOKENS: 'a,b' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(app, '/api/x', { headers: { authorization: 'Bearer a' } })).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
    const limited = await call(app, '/api/x', { headers: { authorization: 'Bearer a' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await call(app, '/api/x', { headers: { authorization: 'Bearer b' } })).status).toBe(404);
    expect((await call(app, '/api/health', { headers: { authorization: 'Bearer a' } })).status).toBe(200);
  });

  it('refuses a token past TOKEN_DAILY_REQUESTS with 429 daily_limit_reached until the day is over', async () => {
    const app = appWith({ TOKEN_DAILY_REQUESTS: '2', PROXY_TOKENS: 'a,b' });
    const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    expect([(await call(app, '/api/x', auth('a'))).status, (await call(app, '/api/x', auth('a'))).status]).toEqual([404, 404]);
    const spent = await call(app, '/api/x', auth('a'));
    expect(spent.status).toBe(429);
    expect(Number(spent.headers.get('retry-after'))).toBeGreaterThan(23 * 3600);
    expect(await spent.json()).toEqual({
      error: { code: 'daily_limit_reached', message: expect.stringMatching(/^The daily budget of 2 requests is used up; it renews in 2[34] h( \d+ min)?\./) },
    });
    expect((await call(app, '/api/x', auth('b'))).status).toBe(404);
    expect(await (await call(app, '/api/health')).json()).toMatchObject({ limits: { store: 'memory', perMinute: 120, dailyRequests: 2 } });
  });

  it('refuses bodies over MAX_BODY_BYTES with 413, declared or streamed', async () => {
    const app = appWith({ GEMINI_API_KEY: 'g', MAX_BODY_BYTES: '2048' });
    const big = geminiBody('x'.repeat(4096));
    const declared = await call(app, streamPath(), { method: 'POST', body: big, headers: { 'content-length': String(big.length) } });
    expect(declared.status).toBe(413);
    const streamed = await call(app, streamPath(), {
      method: 'POST',
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('refuses models off the allowlist, unknown actions and malformed bodies', async () => {
    const app = appWith({ GEMINI_API_KEY: 'g', GEMINI_MODELS: 'gemini-2.5-flash' });
    const notAllowed = await call(app, streamPath('gemini-2.5-pro'), { method: 'POST', body: geminiBody() });
    expect(notAllowed.status).toBe(403);
    expect(await notAllowed.json()).toMatchObject({ error: { code: 'model_not_allowed' } });
    const action = await call(app, '/api/llm/gemini/v1beta/models/gemini-2.5-flash:countTokens', { method: 'POST', body: geminiBody() });
    expect(action.status).toBe(404);
    for (const body of ['not json', '[1]', '{"contents":[]}', geminiBody('x', { tools: [{ googleSearch: {} }] })]) {
      const res = await call(app, streamPath(), { method: 'POST', body });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
  });

  it('refuses chat bodies with fields the app never sends, models off the allowlist and malformed messages', async () => {
    const app = appWith({ OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODELS: 'qwen3:8b' });
    const notAllowed = await call(app, CHAT_PATH, { method: 'POST', body: chatBody('hi', { model: 'llama3.2' }) });
    expect(notAllowed.status).toBe(403);
    expect(await notAllowed.json()).toMatchObject({ error: { code: 'model_not_allowed', message: expect.stringContaining('qwen3:8b') } });
    for (const [body, words] of [
      [chatBody('hi', { tools: [{ type: 'function', function: { name: 'f' } }] }), 'the field tools is not accepted here'],
      [chatBody('hi', { logit_bias: {} }), 'logit_bias'],
      [JSON.stringify({ model: 'qwen3:8b', messages: [] }), 'messages must not be empty'],
      [JSON.stringify({ model: 'qwen3:8b', messages: [{ role: 'tool', content: 'x' }] }), 'messages.0.role'],
      [chatBody('hi', { response_format: { type: 'grammar' } }), 'response_format'],
      [chatBody('hi', { max_tokens: -1 }), 'max_tokens'],
      ['not json', 'not valid JSON'],
    ] as const) {
      const res = await call(app, CHAT_PATH, { method: 'POST', body });
      expect(res.status, body).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining(words) } });
    }
  });

  it('checks speech-to-text bodies against the worker schema', async () => {
    const app = appWith({ RUNPOD_API_KEY: 'r', RUNPOD_ENDPOINT_ID: 'e' });
    for (const body of ['{}', '{"audio_base64":"AAAA","model":"huge"}', '{"audio_base64":"not base64!"}', '{"audio_base64":"AAAA","audio":"http://x"}']) {
      const res = await call(app, '/api/stt/runpod', { method: 'POST', body });
      expect(res.status, body).toBe(400);
    }
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await call(appWith({}), '/api/nothing/here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'There is no such API route.' } });
  });
});

describe('generation limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ GEMINI_MAX_OUTPUT_TOKENS: '1024' });
  });
  afterAll(() => stack.close());

  it('clamps maxOutputTokens and candidateCount, and sends the key as x-goog-api-key', async () => {
    const app = appWith({ GEMINI_API_KEY: 'test-gemini-key-6b1f0c', GEMINI_BASE_URL: stack.gemini.url, GEMINI_MAX_OUTPUT_TOKENS: '1024' });
    for (const [asked, sent] of [
      [100_000, 1024],
      [200, 200],
      [undefined, 1024],
    ] as const) {
      const res = await call(app, streamPath(), {
        method: 'POST',
        body: geminiBody('hi', { generationConfig: { maxOutputTokens: asked, candidateCount: 4, temperature: 0.7 } }),
      });
      expect(res.status).toBe(200);
      await res.text();
      const received = stack.gemini.requests.at(-1);
      expect(received?.headers['x-goog-api-key']).toBe('test-gemini-key-6b1f0c');
      expect(received?.path).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
      expect(received?.body).toMatchObject({ generationConfig: { maxOutputTokens: sent, candidateCount: 1, temperature: 0.7 } });
    }
  });
});

describe('chat completion limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ OPENAI_MAX_OUTPUT_TOKENS: '1024' });
  });
  afterAll(() => stack.close());

  it('forces one choice, clamps the token limit (setting it when absent), asks for usage on streams and adds the key', async () => {
    const app = createApp(createContext(parseConfig({ OPENAI_BASE_URL: stack.openai.url, OPENAI_API_KEY: TEST_KEYS.openai, OPENAI_MODELS: 'qwen3:8b', OPENAI_MAX_OUTPUT_TOKENS: '1024' }), { version: 'test', logSink: () => undefined }));
    for (const [extra, sent] of [
      [{ max_tokens: 100_000, n: 3 }, { max_tokens: 1024, n: 1, stream_options: { include_usage: true } }],
      [{ max_tokens: 200 }, { max_tokens: 200, n: 1 }],
      [{}, { max_tokens: 1024, n: 1 }],
      [{ max_completion_tokens: 5000 }, { max_completion_tokens: 1024, n: 1 }],
      [{ stream: false, max_tokens: 50 }, { max_tokens: 50, n: 1, stream: false }],
    ] as const) {
      const res = await call(app, CHAT_PATH, { method: 'POST', body: chatBody('hi', extra) });
      expect(res.status).toBe(200);
      await res.text();
      const received = stack.openai.requests.at(-1);
      expect(received?.headers['authorization']).toBe(`Bearer ${TEST_KEYS.openai}`);
      expect(received?.path).toBe('/v1/chat/completions');
      expect(received?.body).toMatchObject(sent);
      if (!('max_completion_tokens' in extra)) expect(received?.body).not.toHaveProperty('max_completion_tokens');
    }
  });

  it('sends no Authorization header to a server that needs no key', async () => {
    const app = createApp(createContext(parseConfig({ OPENAI_BASE_URL: stack.openai.url, OPENAI_MODELS: 'qwen3:8b' }), { version: 'test', logSink: () => undefined }));
    const res = await call(app, CHAT_PATH, { method: 'POST', body: chatBody() });
    expect(res.status).toBe(401);
    expect(stack.openai.requests.at(-1)?.headers).not.toHaveProperty('authorization');
  });
});

describe('static files', () => {
  const dist = mkdtempSync(join(tmpdir(), 'xquizit-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>xquizit</title>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'sw.js'), 'self.x=1');
  writeFileSync(join(tmpdir(), 'xquizit-secret.txt'), 'secret');
  const app = appWith({ WEB_DIST: dist });

  it('serves the app with security headers and revalidation for index.html', async () => {
    const res = await call(app, '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>xquizit</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('caches hashed assets for a year, the service worker not at all', async () => {
    const asset = await call(app, '/assets/index-abc123.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await call(app, '/sw.js')).headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await call(app, '/assets/index-abc123.js');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    expect((await call(app, '/assets/index-abc123.js', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('falls back to index.html for app routes, but 404s missing files', async () => {
    const route = await call(app, '/interview/123');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('xquizit');
    expect((await call(app, '/assets/missing.js')).status).toBe(404);
  });

  it('refuses path traversal', async () => {
    for (const path of ['/..%2fxquizit-secret.txt', '/assets/..%2f..%2fxquizit-secret.txt', '/%2e%2e/xquizit-secret.txt']) {
      const res = await call(app, path);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toBe('secret');
    }
  });

  describe('precompressed copies', () => {
    const script = `export const greeting = ${JSON.stringify('hello '.repeat(200))};`;
    const copies = { br: brotliCompressSync(script), gzip: gzipSync(script) };
    writeFileSync(join(dist, 'assets', 'app-def456.js'), script);
    writeFileSync(join(dist, 'assets', 'app-def456.js.br'), copies.br);
    writeFileSync(join(dist, 'assets', 'app-def456.js.gz'), copies.gzip);
    const asset = (acceptEncoding?: string, init: RequestInit = {}) =>
      call(app, '/assets/app-def456.js', { ...init, headers: { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...init.headers } });

    it('sends brotli to a browser that takes it, gzip to one that takes only gzip, the file itself otherwise', async () => {
      const br = await asset('gzip, deflate, br, zstd');
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('content-length')).toBe(String(copies.br.length));
      expect(Buffer.from(await br.arrayBuffer()).equals(copies.br)).toBe(true);
      const gzip = await asset('gzip');
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      expect(Buffer.from(await gzip.arrayBuffer()).equals(copies.gzip)).toBe(true);
      const plain = await asset();
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(script);
      for (const res of [br, gzip, plain]) {
        expect(res.headers.get('vary')).toBe('Accept-Encoding');
        expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      }
      expect(new Set([br, gzip, plain].map((res) => res.headers.get('etag'))).size).toBe(3);
    });

    it('revalidates each encoding by its own ETag', async () => {
      const etag = (await asset('br')).headers.get('etag') ?? '';
      expect(etag).toMatch(/-br"$/);
      expect((await asset('br', { headers: { 'if-none-match': etag } })).status).toBe(304);
      expect((await asset('gzip', { headers: { 'if-none-match': etag } })).status).toBe(200);
    });

    it('answers HEAD with the chosen copy’s length and encoding', async () => {
      const head = await asset('br', { method: 'HEAD' });
      expect(head.headers.get('content-encoding')).toBe('br');
      expect(head.headers.get('content-length')).toBe(String(copies.br.length));
    });

    it('never sends a copy older than its file (the file was changed after the build)', async () => {
      writeFileSync(join(dist, 'assets', 'edited-1a2b3c.js'), 'console.log("new")');
      writeFileSync(join(dist, 'assets', 'edited-1a2b3c.js.br'), brotliCompressSync('console.log("old")'));
      const hourAgo = new Date(Date.now() - 3600_000);
      utimesSync(join(dist, 'assets', 'edited-1a2b3c.js.br'), hourAgo, hourAgo);
      const res = await call(app, '/assets/edited-1a2b3c.js', { headers: { 'accept-encoding': 'br' } });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe('console.log("new")');
    });

    it('does not say Vary for a file the build left uncompressed', async () => {
      const res = await call(app, '/assets/index-abc123.js', { headers: { 'accept-encoding': 'br' } });
      expect(res.headers.get('vary')).toBeNull();
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(await res.text()).toBe('console.log(1)');
    });

    it('arrives intact over a real socket (the client decodes it)', async () => {
      const stack = await startStack({ WEB_DIST: dist });
      try {
        const res = await fetch(`${stack.proxy.url}/assets/app-def456.js`, { headers: { 'accept-encoding': 'br' } });
        expect(res.headers.get('content-encoding')).toBe('br');
        expect(await res.text()).toBe(script);
      } finally {
        await stack.close();
      }
    });
  });

  it('says the app is not built when WEB_DIST has no index.html', async () => {
    const res = await call(appWith({ WEB_DIST: join(dist, 'nope') }), '/');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining('not built') } });
  });
});

describe('model files (MODELS_DIR)', () => {
  const models = mkdtempSync(join(tmpdir(), 'xquizit-models-'));
  mkdirSync(join(models, 'org', 'voice', 'onnx'), { recursive: true });
  writeFileSync(join(models, 'org', 'voice', 'config.json'), '{"model_type":"x"}');
  writeFileSync(join(models, 'org', 'voice', 'onnx', 'model.onnx'), 'ONNX');
  writeFileSync(join(tmpdir(), 'xquizit-models-secret.txt'), 'secret');
  const app = appWith({ MODELS_DIR: models });

  it('serves the folder at /models/ and says so in the health document', async () => {
    expect(await (await call(app, '/api/health')).json()).toMatchObject({ models: { baseUrl: '/models/' } });
    const config = await call(app, '/models/org/voice/config.json');
    expect(config.status).toBe(200);
    expect(await config.json()).toEqual({ model_type: 'x' });
    const model = await call(app, '/models/org/voice/onnx/model.onnx');
    expect(model.headers.get('content-type')).toBe('application/octet-stream');
    expect(model.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(model.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await model.text()).toBe('ONNX');
  });

  it('404s a missing model file instead of falling back to the app', async () => {
    const res = await call(app, '/models/org/voice/tokenizer.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses paths outside the folder', async () => {
    for (const path of ['/models/..%2fxquizit-models-secret.txt', '/models/%2e%2e/xquizit-models-secret.txt']) {
      const res = await call(app, path);
      expect([400, 404]).toContain(res.status);
      expect(await res.text()).not.toBe('secret');
    }
  });

  it('says how to serve models when MODELS_DIR is not set', async () => {
    const res = await call(appWith({}), '/models/org/voice/config.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining('MODELS_DIR') } });
  });
});
