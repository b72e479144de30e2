// Reads Gemini's `alt=sse` stream into the client's events: each `data:` payload's text and finish reason, a
// blocked prompt, and an error Google sends inside the stream, as an event payload or as a bare JSON object.
import { LlmError } from '../errors.ts';
import type { StreamEvent, StreamReader } from '../provider.ts';
import { createSseParser } from '../sse.ts';
import { geminiBlockedError, geminiUpstreamError } from './errors.ts';
import { geminiFinish, readGeminiResponse } from './response.ts';

/** The most stray text kept while waiting for a bare JSON error to be complete. */
const MAX_STRAY_CHARS = 64 * 1024;

/** A reader of one streamed Gemini reply for `model`. */
export function createGeminiStreamReader(model: string): StreamReader {
  // Warning: Google can answer inside a 200 text/event-stream with a bare `{"error": ...}` object, not a `data:` line
  // (the official SDK checks for it); the SSE rules would drop it, so its lines are gathered here.
  let stray = '';
  const parser = createSseParser({ onStrayLine: (line) => (stray += `${line}\n`) });

  const eventsOf = (payloads: string[], final: boolean): StreamEvent[] => {
    const events = payloads.flatMap((payload) => chunkEvents(readJson(payload), payload, model));
    if (stray === '') return events;
    const bare = readJson(stray);
    if (bare !== undefined) {
      const text = stray;
      stray = '';
      return [...events, ...chunkEvents(bare, text, model)];
    }
    if (final || stray.length > MAX_STRAY_CHARS) {
      const text = stray.slice(0, 120);
      stray = '';
      return [...events, { type: 'error', error: new LlmError('unavailable', `Gemini sent something that is not an event stream: ${text}`) }];
    }
    return events;
  };

  return {
    push: (chunk) => eventsOf(parser.push(chunk), false),
    end: () => eventsOf(parser.end(), true),
  };
}

function chunkEvents(json: unknown, payload: string, model: string): StreamEvent[] {
  const chunk = readGeminiResponse(json);
  if (!chunk) return [{ type: 'error', error: new LlmError('unavailable', `Gemini sent a stream event that is not a response: ${payload.slice(0, 120)}`) }];
  // The whole body goes on: its details (RetryInfo, QuotaFailure) decide how the error reads.
  if (chunk.error) return [{ type: 'error', error: geminiUpstreamError({ status: chunk.error.code ?? 500, body: json, model }) }];
  if (chunk.blockReason) return [{ type: 'error', error: geminiBlockedError(chunk.blockReason) }];
  const events: StreamEvent[] = [];
  if (chunk.text) events.push({ type: 'text', text: chunk.text });
  if (chunk.finishReason) events.push({ type: 'finish', finish: geminiFinish(chunk.finishReason) });
  return events;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
