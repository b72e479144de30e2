// The shared client with the OpenAI-compatible provider against a scripted fake fetch: the captured streams, a
// refused knob dropped and remembered, JSON mode stepping down, replies cut at max_tokens, and the server's errors.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generate, streamGenerate, type GenerateOptions } from '../client.ts';
import type { RetryEvent } from '../retry.ts';
import type { LlmRequest } from '../request.ts';
import { chunkBySizes, drain, fakeSleep, jsonResponse, readOpenAiSample, scriptedFetch, sseResponse, type ScriptStep } from '../testdata/fixtures.ts';
import { createOpenAiProvider } from './index.ts';

const CAPTURED = new URL('../../../../../proxy/test/fakes/captured/openai/', import.meta.url);
const errorBody = async (file: string): Promise<unknown> => JSON.parse(await readFile(new URL(file, CAPTURED), 'utf8')) as unknown;

const request: LlmRequest = { model: 'qwen3:8b', system: 'Be brief.', contents: [{ role: 'user', text: 'Hello?' }] };
const jsonRequest: LlmRequest = { ...request, json: { schema: { type: 'OBJECT', properties: { a: { type: 'STRING' } }, required: ['a'] } } };

function setup(steps: readonly ScriptStep[], extra: GenerateOptions = {}) {
  const fake = scriptedFetch(steps);
  const sleeper = fakeSleep();
  const retries: RetryEvent[] = [];
  return { ...fake, retries, options: { fetch: fake.fetch, sleep: sleeper.sleep, onRetry: (info: RetryEvent) => retries.push(info), ...extra } };
}

const chunk = (content: string, finish: string | null = null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: finish }] })}\n\n`;
const reply = (...texts: string[]) => () => sseResponse([...texts.map((text, i) => chunk(text, i === texts.length - 1 ? 'stop' : null)), 'data: [DONE]\n\n']);
const whole = (content: string, finish = 'stop') => jsonResponse({ choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }] });
const bodyOf = (seen: { body: unknown } | undefined) => seen?.body as Record<string, unknown>;

describe('the OpenAI-compatible provider through the shared client', () => {
  it('posts the chat body to the proxy route with the token, and yields only content from a thinking model', async () => {
    const bytes = await readOpenAiSample('ollama-thinking.txt');
    const t = setup([() => sseResponse(chunkBySizes(bytes))], { getToken: () => 'tok' });
    const { deltas, result } = await drain(streamGenerate(createOpenAiProvider(), request, t.options));
    expect(deltas.join('')).toBe('Hello! What brings you <here> today?');
    expect(result).toEqual({ text: 'Hello! What brings you <here> today?', finishReason: 'stop' });
    const sent = t.seen[0];
    expect(sent?.url.pathname).toBe('/api/llm/openai/v1/chat/completions');
    expect(sent?.headers.get('authorization')).toBe('Bearer tok');
    expect(sent?.headers.get('accept')).toBe('text/event-stream');
    expect(bodyOf(sent)).toMatchObject({ model: 'qwen3:8b', stream: true, max_tokens: 1024, temperature: 0.7, reasoning_effort: 'none' });
  });

  it('drops reasoning_effort when the server refuses it, at once, and never sends it again for that model', async () => {
    const refused = await errorBody('vllm-error-400-reasoning-effort.json');
    const provider = createOpenAiProvider();
    const t = setup([jsonResponse(refused, 400), reply('Hi.'), reply('Again.')]);
    expect((await drain(streamGenerate(provider, request, t.options))).result?.text).toBe('Hi.');
    expect((await drain(streamGenerate(provider, request, t.options))).result?.text).toBe('Again.');
    expect(t.seen.map((seen) => 'reasoning_effort' in bodyOf(seen))).toEqual([true, false, false]);
    expect(t.retries).toEqual([]);
  });

  it('switches to max_completion_tokens when the server asks for it', async () => {
    const t = setup([jsonResponse(await errorBody('openai-error-400-reasoning-effort.json'), 400), jsonResponse(await errorBody('openai-error-400-max-tokens.json'), 400), reply('Yes.')]);
    await drain(streamGenerate(createOpenAiProvider(), { ...request, model: 'some-new-model' }, t.options));
    expect(bodyOf(t.seen[2])).toMatchObject({ max_completion_tokens: 1024 });
    expect(bodyOf(t.seen[2])).not.toHaveProperty('max_tokens');
  });

  it('steps JSON mode down from a strict schema to json_object to the prompt alone', async () => {
    const refusal = (message: string) => jsonResponse({ error: { message, type: 'invalid_request_error', param: 'response_format', code: null } }, 400);
    const t = setup([refusal("'response_format.type' json_schema is not supported"), refusal('response_format is not supported by this model'), whole('{"a":"x"}')]);
    const provider = createOpenAiProvider();
    expect(await generate(provider, { ...jsonRequest, maxOutputTokens: 4096 }, t.options)).toBe('{"a":"x"}');
    expect(t.seen.map((seen) => (bodyOf(seen)['response_format'] as { type?: string } | undefined)?.type ?? 'none')).toEqual(['json_schema', 'json_object', 'none']);
  });

  it('fails with the refusal when nothing it sends explains it', async () => {
    const t = setup([jsonResponse({ error: { message: 'messages must alternate', type: 'invalid_request_error', param: null, code: null } }, 400)]);
    const { error } = await drain(streamGenerate(createOpenAiProvider(), { ...request, model: 'gpt-4o' }, { ...t.options }));
    expect(error).toMatchObject({ kind: 'bad-request' });
  });

  it('asks again with twice the room for a reply cut at max_tokens, voiding what came', async () => {
    const bytes = await readOpenAiSample('ollama-length.txt');
    const t = setup([() => sseResponse([bytes]), reply('Tell me about the time you led a launch.')]);
    const { deltas, result } = await drain(streamGenerate(createOpenAiProvider(), request, t.options));
    expect(deltas).toEqual(['Tell me about ', 'the time you', 'Tell me about the time you led a launch.']);
    expect(result?.text).toBe('Tell me about the time you led a launch.');
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 0, reason: 'max-tokens' }]);
    expect(t.seen.map((seen) => bodyOf(seen)['max_tokens'])).toEqual([1024, 2048]);
  });

  it('reports an error after the 200 as the server’s error, partial, not as a dropped connection', async () => {
    const bytes = await readOpenAiSample('llamacpp-error-mid-stream.txt');
    const t = setup([() => sseResponse([bytes])]);
    const { deltas, error } = await drain(streamGenerate(createOpenAiProvider(), request, t.options));
    expect(deltas).toEqual(['Could you']);
    expect(error).toMatchObject({ kind: 'bad-request', partial: true });
  });

  it('does not retry a model the server does not have', async () => {
    const t = setup([jsonResponse(await errorBody('ollama-error-404-model-not-found.json'), 404)]);
    const { error } = await drain(streamGenerate(createOpenAiProvider(), request, t.options));
    expect(error).toMatchObject({ kind: 'misconfigured', retryable: false });
    expect(t.seen).toHaveLength(1);
  });

  it('retries a 429 after Retry-After', async () => {
    const t = setup([jsonResponse(await errorBody('openai-error-429-rate-limit.json'), 429, { 'retry-after': '2' }), reply('Back.')]);
    const { result } = await drain(streamGenerate(createOpenAiProvider(), request, t.options));
    expect(result?.text).toBe('Back.');
    expect(t.retries).toEqual([{ attempt: 1, delayMs: 2000, reason: 'rate-limited' }]);
  });
});
