// Checks and tightens a chat completions body before it is sent to the OpenAI-compatible server with our key:
// only the fields xquizit's app sends (anything else, such as tools, is refused), the model on the allowlist,
// one choice, the token limit clamped, usage asked for on streams.
import * as v from 'valibot';
import type { OpenAiConfig } from '../config/index.ts';
import { ProxyError } from '../http/errors.ts';

const Message = v.strictObject({
  role: v.picklist(['system', 'developer', 'user', 'assistant']),
  content: v.union([v.string(), v.array(v.strictObject({ type: v.literal('text'), text: v.string() }))]),
  name: v.optional(v.string()),
});

const ResponseFormat = v.variant('type', [
  v.strictObject({ type: v.literal('text') }),
  v.strictObject({ type: v.literal('json_object') }),
  v.strictObject({
    type: v.literal('json_schema'),
    json_schema: v.strictObject({ name: v.string(), description: v.optional(v.string()), strict: v.optional(v.boolean()), schema: v.optional(v.record(v.string(), v.unknown())) }),
  }),
]);

const positiveInteger = v.pipe(v.number(), v.integer(), v.minValue(1));

const ChatBody = v.strictObject({
  model: v.pipe(v.string(), v.nonEmpty('model must not be empty')),
  messages: v.pipe(v.array(Message), v.minLength(1, 'messages must not be empty')),
  stream: v.optional(v.boolean()),
  stream_options: v.optional(v.strictObject({ include_usage: v.optional(v.boolean()) })),
  temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  top_p: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  max_tokens: v.optional(positiveInteger),
  max_completion_tokens: v.optional(positiveInteger),
  n: v.optional(positiveInteger),
  stop: v.optional(v.union([v.string(), v.array(v.string())])),
  seed: v.optional(v.pipe(v.number(), v.integer())),
  response_format: v.optional(ResponseFormat),
  reasoning_effort: v.optional(v.picklist(['none', 'minimal', 'low', 'medium', 'high'])),
});

/** A checked chat completions body. */
export type ChatBody = v.InferOutput<typeof ChatBody>;

/** Validates the body's shape (400 naming the first problem) and the model (403 off the allowlist). */
export function checkChatBody(body: Record<string, unknown>, openai: OpenAiConfig): ChatBody {
  const result = v.safeParse(ChatBody, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    const what = issue.type === 'strict_object' ? `the field ${where ?? 'in the body'} is not accepted here` : `${where ? `${where}: ` : ''}${issue.message}`;
    throw new ProxyError(400, 'bad_request', `Invalid chat completions request: ${what}.`);
  }
  if (!openai.models.includes(result.output.model)) {
    throw new ProxyError(403, 'model_not_allowed', `The model "${result.output.model}" is not allowed here. Allowed: ${openai.models.join(', ')}.`);
  }
  return result.output;
}

/** The JSON to send upstream: one choice, the token limit clamped (and set when absent), usage asked for on streams. */
export function tightenChatBody(body: ChatBody, openai: OpenAiConfig): string {
  const clamp = (requested: number | undefined) => Math.min(requested ?? openai.maxOutputTokens, openai.maxOutputTokens);
  const limits =
    body.max_completion_tokens !== undefined
      ? { max_completion_tokens: clamp(body.max_completion_tokens), ...(body.max_tokens === undefined ? {} : { max_tokens: clamp(body.max_tokens) }) }
      : { max_tokens: clamp(body.max_tokens) };
  const usage = body.stream ? { stream_options: { ...body.stream_options, include_usage: true } } : {};
  return JSON.stringify({ ...body, ...limits, ...usage, n: 1 });
}
