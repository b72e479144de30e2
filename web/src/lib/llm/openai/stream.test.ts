// The chat stream reader on each server family's framing, at every split point: only delta.content is the reply,
// reasoning never is, and errors after the 200 are errors with their message.
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../provider.ts';
import { chatContentTexts, readOpenAiSample, utf8 } from '../testdata/fixtures.ts';
import { chatFinish, createChatStreamReader, readChatCompletion } from './stream.ts';

function readAll(pieces: readonly Uint8Array[]): StreamEvent[] {
  const reader = createChatStreamReader('m');
  return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

function everySplit(bytes: Uint8Array): Uint8Array[][] {
  return Array.from({ length: bytes.length + 1 }, (_, at) => [bytes.subarray(0, at), bytes.subarray(at)]);
}

const texts = (events: StreamEvent[]) => events.flatMap((event) => (event.type === 'text' ? [event.text] : []));
const finishes = (events: StreamEvent[]) => events.flatMap((event) => (event.type === 'finish' ? [event.finish] : []));
const errors = (events: StreamEvent[]) => events.flatMap((event) => (event.type === 'error' ? [event.error] : []));

describe('createChatStreamReader on each family', () => {
  it.each([
    ['openai-structured-output.txt', '{"city":"San Francisco","units":"c"}', 'stop'],
    ['ollama-thinking.txt', 'Hello! What brings you <here> today?', 'stop'],
    ['ollama-length.txt', 'Tell me about the time you', 'length'],
    ['llamacpp-thinking.txt', 'Hello! How can I help?', 'stop'],
    ['vllm-thinking.txt', '\n\nHi there! What role are you preparing for?', 'stop'],
    ['openrouter-thinking.txt', 'Good to meet you. Shall we begin?', 'stop'],
  ])('%s gives its content, never its reasoning, at every split point', async (file, reply, finish) => {
    const bytes = await readOpenAiSample(file);
    expect(chatContentTexts(bytes).join('')).toBe(reply);
    for (const pieces of everySplit(bytes)) {
      const events = readAll(pieces);
      expect(texts(events).join('')).toBe(reply);
      expect(finishes(events).map((f) => f.raw)).toEqual([finish]);
      expect(errors(events)).toEqual([]);
    }
  });

  it.each([
    ['llamacpp-error-mid-stream.txt', 'Could you', 'bad-request', /context window/],
    ['vllm-error-mid-stream.txt', 'Tell', 'unavailable', /busy or unavailable/],
    ['openrouter-error-mid-stream.txt', 'Tell me', 'unavailable', /busy or unavailable/],
  ])('%s: the error after the 200 is an error with its message, not a dropped connection', async (file, before, kind, words) => {
    const bytes = await readOpenAiSample(file);
    for (const pieces of everySplit(bytes)) {
      const events = readAll(pieces);
      expect(texts(events).join('')).toBe(before);
      const [error] = errors(events);
      expect(error).toMatchObject({ kind });
      expect(error?.userMessage).toMatch(words);
      expect(events.findIndex((event) => event.type === 'error')).toBeGreaterThan(events.findIndex((event) => event.type === 'text'));
    }
  });

  it('takes a refusal as the safety filter, not as an empty reply', () => {
    const chunk = (delta: unknown, finish: string | null = null) => `data: ${JSON.stringify({ choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
    const events = readAll([utf8(chunk({ role: 'assistant', content: null, refusal: '' }) + chunk({ refusal: "I'm sorry" }) + chunk({}, 'stop'))]);
    expect(texts(events)).toEqual([]);
    expect(finishes(events)).toEqual([{ reason: 'safety', raw: 'refusal' }]);
  });

  it('reports text that is not an event stream', () => {
    expect(errors(readAll([utf8('<html>502 Bad Gateway</html>')]))[0]).toMatchObject({ kind: 'unavailable' });
  });

  it('reports a bare JSON error written into the stream', () => {
    expect(errors(readAll([utf8('{"error":{"message":"model crashed","type":"api_error","param":null,"code":null}}\n')]))[0]).toMatchObject({ kind: 'unavailable' });
  });
});

describe('chatFinish', () => {
  it.each([
    ['stop', 'stop'],
    ['length', 'length'],
    ['content_filter', 'safety'],
    ['tool_calls', 'other'],
    ['error', 'other'],
  ])('%s → %s', (raw, reason) => {
    expect(chatFinish(raw)).toEqual({ reason, raw });
  });
});

describe('readChatCompletion', () => {
  it('reads the message content and finish reason, leaving reasoning and a think block out', () => {
    const json = { choices: [{ index: 0, message: { role: 'assistant', content: '<think>plan</think>{"a":1}', reasoning_content: 'more' }, finish_reason: 'stop' }] };
    expect(readChatCompletion(json, 'm')).toEqual({ text: '{"a":1}', finish: { reason: 'stop', raw: 'stop' } });
  });

  it('throws the error a 200 answer carries', () => {
    expect(() => readChatCompletion({ error: { message: 'Provider returned error', code: 502 } }, 'm')).toThrow(expect.objectContaining({ kind: 'unavailable', status: 502 }));
  });

  it('throws for JSON that is not a chat completion', () => {
    expect(() => readChatCompletion({ hello: 1 }, 'm')).toThrow(expect.objectContaining({ kind: 'unavailable' }));
  });
});
