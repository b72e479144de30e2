// Reads an OpenAI-compatible `data:` event stream into the client's events. Only `delta.content` is the reply:
// reasoning (`reasoning`, `reasoning_content`, a `<think>` block) is never shown, spoken or stored. Handles each
// family's framing: `[DONE]`, comment lines (OpenRouter), usage chunks with no choices, errors after the 200 as a
// `data:` event (OpenAI, vLLM, OpenRouter), an `error:` line (llama.cpp) or a bare JSON object.
import type { Finish } from '../errors.ts';
import { LlmError } from '../errors.ts';
import type { StreamEvent, StreamReader } from '../provider.ts';
import { createSseParser } from '../sse.ts';
import { openAiUpstreamError, readServerError, statusOfStreamError } from './errors.ts';
import { createThinkFilter } from './think-filter.ts';

/** A reader of one streamed chat completion for `model`. */
export function createChatStreamReader(model: string): StreamReader {
  let stray = '';
  let refused = false;
  const think = createThinkFilter();
  const parser = createSseParser({ onStrayLine: (line) => (stray += `${line}\n`) });

  const payloadEvents = (payload: string): StreamEvent[] => {
    if (payload.trim() === '[DONE]') return [];
    const json = parseJson(payload);
    if (json === undefined) return [failure(`sent a stream event that is not JSON: ${payload.slice(0, 120)}`)];
    const error = errorEvent(json, model);
    if (error) return [error];
    const chunk = readChunk(json);
    const events: StreamEvent[] = [];
    const text = think.push(chunk.content);
    if (text) events.push({ type: 'text', text });
    if (chunk.refusal) refused = true;
    if (chunk.finishReason) events.push({ type: 'finish', finish: refused ? { reason: 'safety', raw: 'refusal' } : chatFinish(chunk.finishReason) });
    return events;
  };

  const eventsOf = (payloads: string[], final: boolean): StreamEvent[] => {
    const events = payloads.flatMap(payloadEvents);
    if (stray === '') return events;
    // llama.cpp writes `error: {...}` (the error object itself); other servers may write `{"error": ...}` bare.
    const errorLine = /^error:\s*/.exec(stray);
    const json = parseJson(errorLine ? stray.slice(errorLine[0].length) : stray);
    if (json !== undefined) {
      stray = '';
      return [...events, errorEvent(errorLine ? { error: json } : json, model) ?? failure('sent a JSON line outside an event')];
    }
    if (final) {
      const text = stray.slice(0, 120);
      stray = '';
      return [...events, failure(`sent something that is not an event stream: ${text}`)];
    }
    return events;
  };

  return {
    push: (chunk) => eventsOf(parser.push(chunk), false),
    end: () => eventsOf(parser.end(), true),
  };
}

/** What one chunk says. */
interface ChunkFacts {
  content: string;
  refusal: boolean;
  finishReason: string | undefined;
}

/** Reads `choices[0]` of a chunk; a usage chunk (no choices) says nothing. */
function readChunk(json: unknown): ChunkFacts {
  const choices = (json as { choices?: unknown }).choices;
  const choice = Array.isArray(choices) ? (choices[0] as Record<string, unknown> | undefined) : undefined;
  const delta = (choice?.['delta'] ?? choice?.['message']) as Record<string, unknown> | undefined;
  const content = typeof delta?.['content'] === 'string' ? delta['content'] : '';
  const refusal = typeof delta?.['refusal'] === 'string' && delta['refusal'] !== '';
  const finishReason = typeof choice?.['finish_reason'] === 'string' ? choice['finish_reason'] : undefined;
  return { content, refusal, finishReason };
}

/** An error event for a chunk that carries one (`error` beside or instead of `choices`, or vLLM's `"object": "error"`). */
function errorEvent(json: unknown, model: string): StreamEvent | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  if (record['error'] === undefined && record['object'] !== 'error') return undefined;
  const error = readServerError(json);
  if (!error) return undefined;
  return { type: 'error', error: openAiUpstreamError({ status: statusOfStreamError(error), body: json, model }) };
}

/** An OpenAI-compatible finish_reason in the app's terms. */
export function chatFinish(finishReason: string): Finish {
  switch (finishReason) {
    case 'stop':
      return { reason: 'stop', raw: finishReason };
    case 'length':
      return { reason: 'length', raw: finishReason };
    case 'content_filter':
      return { reason: 'safety', raw: finishReason };
    default:
      return { reason: 'other', raw: finishReason };
  }
}

/** Reads a whole (non-streamed) chat completion into its reply text and finish. */
export function readChatCompletion(json: unknown, model: string): { text: string; finish: Finish | undefined } {
  const error = errorEvent(json, model);
  if (error?.type === 'error') throw error.error;
  const choices = (json as { choices?: unknown } | null)?.choices;
  if (!Array.isArray(choices)) throw new LlmError('unavailable', 'The OpenAI-compatible server answered with JSON that is not a chat completion.');
  const chunk = readChunk(json);
  const think = createThinkFilter();
  const text = think.push(chunk.content);
  const finish = chunk.refusal ? { reason: 'safety' as const, raw: 'refusal' } : chunk.finishReason ? chatFinish(chunk.finishReason) : undefined;
  return { text, finish };
}

function failure(what: string): StreamEvent {
  return { type: 'error', error: new LlmError('unavailable', `The OpenAI-compatible server ${what}`) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
