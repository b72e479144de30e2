// The proxy as a process: one-line config errors, and a graceful SIGTERM that lets open streams finish.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from './fakes/index.ts';
import { listeningUrl, spawnProxy } from './proxy-process.ts';
import { geminiBody, streamPath, TEST_KEYS } from './stack.ts';

let gemini: FakeGemini;
beforeAll(async () => {
  gemini = await startFakeGemini({ apiKey: TEST_KEYS.gemini });
});
afterAll(() => gemini.close());

// Each test starts a proxy process (TypeScript loaded afresh): seconds of start-up on a busy 2-core machine.
describe('the proxy process', { timeout: 30_000 }, () => {
  it('stops a bad configuration with one line and exit code 1', async () => {
    const child = spawnProxy({ PORT: 'eighty' });
    let err = '';
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err).toBe('xquizit proxy: PORT: PORT must be a whole number\n');
  });

  it('refuses a network-facing HOST without PROXY_TOKENS', async () => {
    const child = spawnProxy({ HOST: '0.0.0.0' });
    let err = '';
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(err).toMatch(/^xquizit proxy: HOST=0\.0\.0\.0 would let anyone .* PROXY_TOKENS/);
  });

  it('on SIGTERM finishes the stream in flight, refuses new connections, then exits 0', async () => {
    const child = spawnProxy({ GEMINI_API_KEY: TEST_KEYS.gemini, GEMINI_BASE_URL: gemini.url, SHUTDOWN_GRACE_MS: '30000' });
    const url = await listeningUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    gemini.enqueue({ kind: 'text', text: 'first second third fourth', chunks: 4, delayMs: 150 });
    const res = await fetch(`${url}${streamPath()}`, { method: 'POST', body: geminiBody() });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await expect.poll(async () => fetch(`${url}/api/health`).then(() => 'accepted', () => 'refused')).toBe('refused');
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value);
    expect(text).toContain('fourth');
    expect(text).toContain('"finishReason": "STOP"');
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it('cuts streams that outlast the shutdown grace period', async () => {
    const child = spawnProxy({ GEMINI_API_KEY: TEST_KEYS.gemini, GEMINI_BASE_URL: gemini.url, SHUTDOWN_GRACE_MS: '200' });
    const url = await listeningUrl(child);
    gemini.enqueue({ kind: 'text', text: 'a b c d e f g h', chunks: 8, delayMs: 2000 });
    const res = await fetch(`${url}${streamPath()}`, { method: 'POST', body: geminiBody() });
    const reader = res.body!.getReader();
    await reader.read();
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    await expect(
      (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read());
      })(),
    ).rejects.toThrow();
  });
});
