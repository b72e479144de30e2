// The app shell's client picks the provider a model reference names and hands it the provider's own model id.
import { describe, expect, it } from 'vitest';
import type { LlmProvider } from './provider.ts';
import { createLlmClient } from './llm-client.ts';
import { drain, jsonResponse, scriptedFetch, sseResponse } from './testdata/fixtures.ts';
import type { LlmRequest } from './request.ts';

/** A provider that records the model it was started with and answers plain text. */
function recordingProvider(id: string) {
  const models: string[] = [];
  const provider: LlmProvider = {
    id,
    name: id,
    start(request, { stream }) {
      models.push(request.model);
      return {
        path: `/api/llm/${id}/${stream ? 'stream' : 'whole'}`,
        body: (room) => ({ model: request.model, room }),
        streamReader: () => ({
          push: (chunk) => [{ type: 'text', text: new TextDecoder().decode(chunk) }],
          end: () => [{ type: 'finish', finish: { reason: 'stop', raw: 'done' } }],
        }),
        readWhole: (json) => ({ text: String((json as { text: unknown }).text), finish: { reason: 'stop', raw: 'done' } }),
        upstreamError: () => {
          throw new Error('not used');
        },
        adaptToRefusal: () => false,
      };
    },
  };
  return { provider, models };
}

const request = (model: string): LlmRequest => ({ model, contents: [{ role: 'user', text: 'Hi' }] });

describe('createLlmClient', () => {
  it('routes each call to the provider its model reference names', async () => {
    const a = recordingProvider('gemini');
    const b = recordingProvider('openai');
    const client = createLlmClient([a.provider, b.provider]);
    const fake = scriptedFetch([jsonResponse({ text: 'from gemini' }), () => sseResponse(['from openai'])]);
    expect(await client.generate(request('gemini:gemini-2.5-flash'), { fetch: fake.fetch })).toBe('from gemini');
    const { result } = await drain(client.streamGenerate(request('openai:qwen3:8b'), { fetch: fake.fetch }));
    expect(result).toEqual({ text: 'from openai', finishReason: 'done' });
    expect(a.models).toEqual(['gemini-2.5-flash']);
    expect(b.models).toEqual(['qwen3:8b']);
    expect(fake.seen.map((seen) => seen.url.pathname)).toEqual(['/api/llm/gemini/whole', '/api/llm/openai/stream']);
  });

  it('takes a bare model id, as older interviews stored it, for a Gemini model', async () => {
    const a = recordingProvider('gemini');
    const client = createLlmClient([a.provider]);
    const fake = scriptedFetch([jsonResponse({ text: 'ok' })]);
    expect(await client.generate(request('gemini-2.5-pro'), { fetch: fake.fetch })).toBe('ok');
    expect(a.models).toEqual(['gemini-2.5-pro']);
  });

  it('fails with a plain message for a provider this app does not know, without calling anything', async () => {
    const client = createLlmClient([recordingProvider('gemini').provider]);
    const fake = scriptedFetch([]);
    await expect(client.generate(request('anthropic:claude'), { fetch: fake.fetch })).rejects.toMatchObject({
      kind: 'not-configured',
      retryable: false,
      userMessage: expect.stringContaining('Reload the page to update the app'),
    });
    const { error } = await drain(client.streamGenerate(request('anthropic:claude'), { fetch: fake.fetch }));
    expect(error).toMatchObject({ kind: 'not-configured' });
    expect(fake.seen).toHaveLength(0);
  });
});
