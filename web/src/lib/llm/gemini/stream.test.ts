// Gemini's stream reader on the captured streams: the bare JSON error the SDK checks for, a stream that ends with no
// event, a reply cut after thinking took its share, and its events at every split point.
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../provider.ts';
import { chunkBySizes, readGeminiError, readGeminiSample, utf8 } from '../testdata/fixtures.ts';
import { createGeminiStreamReader } from './stream.ts';

function readAll(pieces: readonly Uint8Array[]): StreamEvent[] {
  const reader = createGeminiStreamReader('gemini-2.5-flash');
  return [...pieces.flatMap((piece) => reader.push(piece)), ...reader.end()];
}

function everySplit(bytes: Uint8Array): Uint8Array[][] {
  return Array.from({ length: bytes.length + 1 }, (_, at) => [bytes.subarray(0, at), bytes.subarray(at)]);
}

const summary = (events: StreamEvent[]) =>
  events.map((event) => (event.type === 'text' ? event.text : event.type === 'finish' ? `<${event.finish.raw}>` : `!${event.error.kind}:${String(event.error.status)}`));

describe('createGeminiStreamReader', () => {
  it('reports the bare JSON error Google writes into a 200 stream, at every split point', async () => {
    const bytes = await readGeminiSample('streaming-bare-error-after-text.txt');
    for (const pieces of everySplit(bytes)) expect(summary(readAll(pieces))).toEqual(['The', '<STOP>', '!unavailable:500']);
  });

  it('reads a pretty-printed bare error with its retry hint', async () => {
    const { text } = await readGeminiError('error-429-per-minute.json');
    const events = readAll(chunkBySizes(utf8(text), [7, 1, 64]));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', error: { kind: 'rate-limited', retryAfterMs: 26_000 } });
  });

  it('finds nothing at all in the empty stream Google can answer', async () => {
    expect(readAll([await readGeminiSample('streaming-empty.txt')])).toEqual([]);
  });

  it('reads the reply cut at MAX_TOKENS after thinking as text, then a length finish', async () => {
    const bytes = await readGeminiSample('streaming-max-tokens-after-thinking.txt');
    const events = readAll(chunkBySizes(bytes));
    expect(events.filter((event) => event.type === 'text')).toHaveLength(3);
    expect(events.at(-1)).toEqual({ type: 'finish', finish: { reason: 'length', raw: 'MAX_TOKENS' } });
  });

  it('reports text that is neither an event nor JSON', () => {
    expect(summary(readAll([utf8('<html>Bad gateway</html>')]))).toEqual(['!unavailable:undefined']);
  });

  it('reads an event whose content is empty and has no finish reason as nothing', () => {
    expect(readAll([utf8('data: {"candidates": [{"content": {},"index": 0}]}\r\n\r\n')])).toEqual([]);
  });
});
