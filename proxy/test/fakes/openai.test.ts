// Socket-level tests of the fake OpenAI-compatible server: each family's framing, token limits that cut replies
// (reasoning included), what each family refuses, the key and the model checks, and client aborts.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi, type OpenAiFamily } from './index.ts';

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(family: OpenAiFamily, apiKey?: string): Promise<FakeOpenAi> {
  fake = await startFakeOpenAi({ family, models: ['m', 'o4-mini', 'gpt-4o'], ...(apiKey ? { apiKey } : {}) });
  return fake;
}

const post = (server: FakeOpenAi, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], ...body }) });

const dataChunks = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)) as { choices: { delta?: Record<string, unknown>; finish_reason?: string | null }[]; usage?: unknown });

describe('fake OpenAI-compatible server', () => {
  it.each([
    ['ollama', 'reasoning', false],
    ['vllm', 'reasoning_content', false],
    ['llamacpp', 'reasoning_content', true],
    ['openrouter', 'reasoning', false],
  ] as const)('streams as %s: role first, %s before content, a finish chunk, usage when asked, [DONE]', async (family, field, usageOnFinish) => {
    const server = await start(family);
    server.enqueue({ kind: 'text', text: 'Hello there.', reasoning: 'Think first.', chunks: 2 });
    const text = await (await post(server, { stream: true, stream_options: { include_usage: true } })).text();
    const chunks = dataChunks(text);
    expect(chunks[0]?.choices[0]?.delta).toMatchObject({ role: 'assistant' });
    const reasoningAt = chunks.findIndex((c) => typeof c.choices[0]?.delta?.[field] === 'string' && c.choices[0]?.delta?.[field] !== '');
    const contentAt = chunks.findIndex((c) => c.choices[0]?.delta?.['content'] === 'Hello ');
    expect(reasoningAt).toBeGreaterThan(0);
    expect(contentAt).toBeGreaterThan(reasoningAt);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason === 'stop');
    expect(finish).toBeDefined();
    expect(usageOnFinish ? finish?.usage : chunks.find((c) => c.choices.length === 0)?.usage).toMatchObject({ total_tokens: expect.any(Number) });
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
    if (family === 'openrouter') expect(text.startsWith(': OPENROUTER PROCESSING\n\n')).toBe(true);
  });

  it('cuts the reply at max_tokens with finish_reason length, reasoning counting against it', async () => {
    const server = await start('vllm');
    server.enqueue({ kind: 'text', text: 'x'.repeat(400), reasoning: 'y'.repeat(200) });
    const chunks = dataChunks(await (await post(server, { stream: true, max_tokens: 60 })).text());
    const content = chunks.map((c) => c.choices[0]?.delta?.['content']).filter((t) => typeof t === 'string').join('');
    expect(content).toBe('x'.repeat((60 - 50) * 4));
    expect(chunks.some((c) => c.choices[0]?.finish_reason === 'length')).toBe(true);
  });

  it('thinks away the whole budget when reasoning is longer than the limit', async () => {
    const server = await start('llamacpp');
    server.enqueue({ kind: 'text', text: 'Hi', reasoning: 'z'.repeat(800) });
    const chunks = dataChunks(await (await post(server, { stream: true, max_tokens: 100 })).text());
    expect(chunks.some((c) => typeof c.choices[0]?.delta?.['content'] === 'string' && c.choices[0]?.delta?.['content'] !== '')).toBe(false);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('length');
  });

  it('lets Ollama turn thinking off with reasoning_effort none', async () => {
    const server = await start('ollama');
    server.enqueue({ kind: 'text', text: 'Hi', reasoning: 'hidden' });
    const text = await (await post(server, { stream: true, reasoning_effort: 'none' })).text();
    expect(text).not.toContain('hidden');
  });

  it.each([
    ['vllm', { reasoning_effort: 'none' }, 400, 'reasoning_effort'],
    ['openai', { reasoning_effort: 'none' }, 400, 'reasoning_effort'],
    ['openai', { model: 'o4-mini', max_tokens: 10 }, 400, 'max_completion_tokens'],
    ['openai', { model: 'o4-mini', max_completion_tokens: 10, temperature: 0.7 }, 400, 'temperature'],
    ['llamacpp', { n: 2 }, 400, 'Only one completion choice'],
    ['ollama', { model: 'qwen3:8b' }, 404, 'try pulling it first'],
    ['openai', { model: 'gpt-9' }, 404, 'model_not_found'],
  ] as const)('as %s refuses %o with %i', async (family, body, status, words) => {
    const server = await start(family);
    const res = await post(server, body);
    expect(res.status).toBe(status);
    expect(await res.text()).toContain(words);
  });

  it('checks the key when it has one', async () => {
    const server = await start('openai', 'sk-test');
    expect((await post(server, {})).status).toBe(401);
    expect((await post(server, {}, { authorization: 'Bearer sk-test' })).status).toBe(200);
  });

  it('writes llama.cpp’s error after the 200 as an error: line, then [DONE]', async () => {
    const server = await start('llamacpp');
    server.enqueue({ kind: 'mid-stream-error', text: 'Could you', message: 'boom' });
    const text = await (await post(server, { stream: true })).text();
    expect(text).toContain('error: {"code":500,"message":"boom","type":"server_error"}\n\ndata: [DONE]\n\n');
  });

  it('counts a client that leaves', async () => {
    const server = await start('ollama');
    server.enqueue({ kind: 'text', text: 'a b c d', chunks: 4, delayMs: 200 });
    const controller = new AbortController();
    const res = await fetch(`${server.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }), signal: controller.signal });
    await res.body!.getReader().read();
    controller.abort();
    await expect.poll(() => server.aborted, { timeout: 3000 }).toBe(1);
  });
});
