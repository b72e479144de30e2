// The chat completions request the fake OpenAI-compatible server accepts, and what each family refuses in it,
// with the bodies those servers answer (see captured/openai/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import type { OpenAiFamily } from './openai-wire.ts';

const ChatRequestSchema = v.looseObject({
  model: v.string(),
  messages: v.pipe(v.array(v.looseObject({ role: v.string(), content: v.union([v.string(), v.array(v.unknown()), v.null()]) })), v.minLength(1)),
  stream: v.optional(v.boolean()),
  stream_options: v.optional(v.looseObject({ include_usage: v.optional(v.boolean()) })),
  temperature: v.optional(v.number()),
  max_tokens: v.optional(v.number()),
  max_completion_tokens: v.optional(v.number()),
  n: v.optional(v.number()),
  reasoning_effort: v.optional(v.string()),
  response_format: v.optional(v.looseObject({ type: v.string() })),
});

/** A request body that passed the checks. */
export type ChatRequest = v.InferOutput<typeof ChatRequestSchema>;

const CAPTURED = fileURLToPath(new URL('./captured/openai', import.meta.url));
const captured = (file: string) => readFileSync(join(CAPTURED, file), 'utf8');

/** OpenAI's reasoning models: they take max_completion_tokens and only the default temperature. */
const OPENAI_REASONING = /^(?:gpt-5(?!-chat)|o[134](?:-|$))/;

/** Checks the body as the family's server does: the request, or its status and body. */
export function checkChatRequest(family: OpenAiFamily, body: unknown): { ok: true; request: ChatRequest } | { ok: false; status: number; body: string } {
  const result = v.safeParse(ChatRequestSchema, body);
  if (!result.success) {
    const problem = result.issues.map((issue) => `${v.getDotPath(issue) ?? 'body'}: ${issue.message}`).join('; ');
    return { ok: false, status: 400, body: JSON.stringify({ error: { message: `Invalid request: ${problem}`, type: 'invalid_request_error', param: null, code: null } }) };
  }
  const request = result.output;
  const effort = request.reasoning_effort;
  if (family === 'vllm' && effort !== undefined && !['low', 'medium', 'high'].includes(effort)) {
    return { ok: false, status: 400, body: captured('vllm-error-400-reasoning-effort.json') };
  }
  if (family === 'llamacpp' && (request.n ?? 1) !== 1) {
    return { ok: false, status: 400, body: JSON.stringify({ error: { code: 400, message: 'Only one completion choice is allowed', type: 'invalid_request_error' } }) };
  }
  if (family === 'openai') {
    const reasoningModel = OPENAI_REASONING.test(request.model);
    if (effort !== undefined && !reasoningModel) return { ok: false, status: 400, body: captured('openai-error-400-reasoning-effort.json') };
    if (reasoningModel && request.max_tokens !== undefined) return { ok: false, status: 400, body: captured('openai-error-400-max-tokens.json') };
    if (reasoningModel && request.temperature !== undefined && request.temperature !== 1) {
      return {
        ok: false,
        status: 400,
        body: JSON.stringify({ error: { message: `Unsupported value: 'temperature' does not support ${String(request.temperature)} with this model. Only the default (1) value is supported.`, type: 'invalid_request_error', param: 'temperature', code: 'unsupported_value' } }, null, 4),
      };
    }
  }
  return { ok: true, request };
}
