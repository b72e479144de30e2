// The chat completions body for an OpenAI-compatible server: the app's LlmRequest as messages, with the model's
// rules and what the server refused already (knobs), and the proxy path. Pure.
import { DEFAULT_TEMPERATURE, type LlmRequest } from '../request.ts';
import type { Knobs } from './adapt.ts';
import { toStrictJsonSchema } from './json-schema.ts';

/** The proxy path of the chat completions route. */
export const CHAT_COMPLETIONS_PATH = '/api/llm/openai/v1/chat/completions';

/** The JSON body sent to /v1/chat/completions. */
export interface ChatBody {
  model: string;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  stream: boolean;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  response_format?: { type: 'json_object' } | { type: 'json_schema'; json_schema: { name: string; strict: true; schema: Record<string, unknown> } };
  reasoning_effort?: string;
}

/** Builds the body for a try with `room` output tokens for the reply (reasoning gets `reasoningRoom` on top). */
export function buildChatBody(request: LlmRequest, options: { stream: boolean; room: number; reasoningRoom: number; knobs: Knobs }): ChatBody {
  const { knobs } = options;
  const body: ChatBody = {
    model: request.model,
    messages: [
      ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
      ...request.contents.map((turn) => ({ role: turn.role === 'model' ? ('assistant' as const) : ('user' as const), content: turn.text })),
    ],
    stream: options.stream,
  };
  if (knobs.temperature) body.temperature = request.temperature ?? DEFAULT_TEMPERATURE;
  body[knobs.tokenField] = options.room + options.reasoningRoom;
  if (request.json && knobs.jsonMode === 'json_schema') {
    body.response_format = { type: 'json_schema', json_schema: { name: schemaName(request.json.name), strict: true, schema: toStrictJsonSchema(request.json.schema) } };
  } else if (request.json && knobs.jsonMode === 'json_object') {
    body.response_format = { type: 'json_object' };
  }
  if (knobs.reasoningEffort !== undefined) body.reasoning_effort = knobs.reasoningEffort;
  return body;
}

/** OpenAI requires a schema name of letters, digits, `_` and `-`, at most 64 long. */
function schemaName(name: string | undefined): string {
  const clean = (name ?? 'reply').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return clean === '' ? 'reply' : clean;
}
