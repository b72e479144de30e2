// Reads one Gemini GenerateContentResponse (a streamed SSE payload or a whole JSON answer) into
// the little the app needs: the visible text, why the candidate stopped, and why a prompt was blocked.
import * as v from 'valibot';
import type { Finish } from '../errors.ts';

/** What one GenerateContentResponse says, reduced to what the client acts on. */
export interface GeminiChunk {
  /** The candidate's visible text in this chunk: its text parts joined, thought parts left out. */
  text: string;
  /** Why the first candidate stopped (STOP, MAX_TOKENS, SAFETY, ...), when this chunk says so. */
  finishReason?: string;
  /** Why the prompt itself was refused (promptFeedback.blockReason), when it was. */
  blockReason?: string;
  /** An error object Gemini put inside the stream instead of a response, when it did. */
  error?: { code?: number; status?: string; message?: string };
}

// Lenient on purpose: unknown fields pass, non-text parts (function calls, inline data) are skipped,
// and a field of an unexpected type is treated as absent rather than failing the whole reply.
const TextPartSchema = v.looseObject({ text: v.string(), thought: v.optional(v.boolean()) });

const ResponseSchema = v.looseObject({
  candidates: v.fallback(
    v.optional(
      v.array(
        v.looseObject({
          content: v.fallback(v.optional(v.looseObject({ parts: v.fallback(v.optional(v.array(v.unknown())), undefined) })), undefined),
          finishReason: v.fallback(v.optional(v.string()), undefined),
        }),
      ),
    ),
    undefined,
  ),
  promptFeedback: v.fallback(v.optional(v.looseObject({ blockReason: v.fallback(v.optional(v.string()), undefined) })), undefined),
  error: v.fallback(
    v.optional(
      v.looseObject({
        code: v.fallback(v.optional(v.number()), undefined),
        status: v.fallback(v.optional(v.string()), undefined),
        message: v.fallback(v.optional(v.string()), undefined),
      }),
    ),
    undefined,
  ),
});

/** Reads a parsed GenerateContentResponse; undefined when it is not a JSON object at all. */
export function readGeminiResponse(body: unknown): GeminiChunk | undefined {
  // Valibot's object schemas accept arrays; a JSON array is Gemini's non-SSE stream, not one response.
  if (Array.isArray(body)) return undefined;
  const parsed = v.safeParse(ResponseSchema, body);
  if (!parsed.success) return undefined;
  const { candidates, promptFeedback, error } = parsed.output;
  const candidate = candidates?.[0];
  const text = (candidate?.content?.parts ?? [])
    .flatMap((part) => (v.is(TextPartSchema, part) && part.thought !== true ? [part.text] : []))
    .join('');
  const chunk: GeminiChunk = { text };
  if (candidate?.finishReason) chunk.finishReason = candidate.finishReason;
  if (promptFeedback?.blockReason) chunk.blockReason = promptFeedback.blockReason;
  if (error) chunk.error = { code: error.code, status: error.status, message: error.message };
  return chunk;
}

/** Gemini's finishReason in the app's terms (unknown reasons are 'other': a reply with text is then kept). */
export function geminiFinish(finishReason: string): Finish {
  switch (finishReason) {
    case 'STOP':
      return { reason: 'stop', raw: finishReason };
    case 'MAX_TOKENS':
      return { reason: 'length', raw: finishReason };
    case 'SAFETY':
    case 'PROHIBITED_CONTENT':
    case 'BLOCKLIST':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return { reason: 'safety', raw: finishReason };
    case 'RECITATION':
      return { reason: 'recitation', raw: finishReason };
    default:
      return { reason: 'other', raw: finishReason };
  }
}
