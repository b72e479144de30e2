// Pure builders of each OpenAI-compatible server family's stream framing, as the captured samples in
// captured/openai/ show it: key order, first delta, reasoning field, finish and usage chunks, comments, errors.

/** The server families the fake can speak as. */
export type OpenAiFamily = 'openai' | 'ollama' | 'llamacpp' | 'vllm' | 'openrouter';

/** How a reply stops. */
export type ChatFinishReason = 'stop' | 'length' | 'content_filter';

/** What every chunk of one reply shares. */
export interface ChunkContext {
  family: OpenAiFamily;
  model: string;
  id: string;
  created: number;
}

/** Token counts for the usage chunk. */
export interface Usage {
  prompt: number;
  completion: number;
}

type Json = Record<string, unknown>;

/** Go's encoding/json escapes <, > and & (Ollama is written in Go). */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** One `data:` event in the family's JSON style. */
export function dataEvent(family: OpenAiFamily, payload: unknown): string {
  return `data: ${family === 'ollama' ? goJson(payload) : JSON.stringify(payload)}\n\n`;
}

/** The `[DONE]` event every family but OpenRouter's error streams ends with. */
export const DONE = 'data: [DONE]\n\n';

/** OpenRouter's keep-alive comment. */
export const OPENROUTER_COMMENT = ': OPENROUTER PROCESSING\n\n';

/** One chunk with `delta` (and a finish reason), in the family's shape and key order. */
export function chunk(context: ChunkContext, delta: Json, finishReason: ChatFinishReason | null = null, extra: Json = {}): Json {
  const { family, model, id, created } = context;
  switch (family) {
    case 'openai':
      return { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_845eaabc1f', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra };
    case 'ollama':
      return { id, object: 'chat.completion.chunk', created, model, system_fingerprint: 'fp_ollama', choices: [{ index: 0, delta, finish_reason: finishReason }], ...extra };
    case 'llamacpp':
      return { choices: [{ finish_reason: finishReason, index: 0, delta }], created, id, model, system_fingerprint: 'b6097-9515c613', object: 'chat.completion.chunk', ...extra };
    case 'vllm':
      return { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason, ...(finishReason ? { stop_reason: null } : {}) }], ...extra };
    case 'openrouter':
      return { id, provider: 'DeepInfra', model, object: 'chat.completion.chunk', created, choices: [{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: finishReason, native_finish_reason: finishReason, logprobs: null }], ...extra };
    default: {
      const unreachable: never = family;
      throw new Error(`unknown family ${String(unreachable)}`);
    }
  }
}

/** The first delta each family sends (the role, with an empty or null content). */
export function firstDelta(family: OpenAiFamily): Json {
  switch (family) {
    case 'openai':
      return { role: 'assistant', content: '', refusal: null };
    case 'llamacpp':
      return { role: 'assistant', content: null };
    default:
      return { role: 'assistant', content: '' };
  }
}

/** A reasoning delta in the family's field: `reasoning` (Ollama, OpenRouter) or `reasoning_content` (llama.cpp, vLLM). */
export function reasoningDelta(family: OpenAiFamily, text: string): Json {
  switch (family) {
    case 'ollama':
      return { content: '', reasoning: text };
    case 'openrouter':
      return { content: '', reasoning: text, reasoning_details: [{ type: 'reasoning.text', text, format: 'unknown', index: 0 }] };
    default:
      return { reasoning_content: text };
  }
}

/** The finish chunk and, when asked for, the usage: llama.cpp puts usage on the finish chunk, the others send a chunk with no choices. */
export function endChunks(context: ChunkContext, finishReason: ChatFinishReason, usage: Usage | undefined): Json[] {
  const counts = usage && { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion };
  const finishDelta = context.family === 'vllm' ? { content: '' } : context.family === 'openrouter' ? { content: '', reasoning: null } : {};
  if (context.family === 'llamacpp') return [chunk(context, finishDelta, finishReason, counts ? { usage: counts } : {})];
  const finish = chunk(context, finishDelta, finishReason);
  if (!counts) return [finish];
  return [finish, { ...chunk(context, {}), choices: [], usage: counts }];
}

/** The error a family writes into a stream after the 200 (see captured/openai/*-error-mid-stream.txt). */
export function midStreamError(context: ChunkContext, message: string): string {
  switch (context.family) {
    case 'llamacpp':
      return `error: ${JSON.stringify({ code: 500, message, type: 'server_error' })}\n\n${DONE}`;
    case 'openrouter':
      return dataEvent('openrouter', {
        id: context.id,
        object: 'chat.completion.chunk',
        created: context.created,
        model: context.model,
        provider: 'DeepInfra',
        error: { code: 'server_error', message },
        choices: [{ index: 0, delta: { content: '' }, finish_reason: 'error' }],
      });
    default:
      return `${dataEvent(context.family, { error: { message, type: 'InternalServerError', param: null, code: 500 } })}${DONE}`;
  }
}

/** A whole (non-streamed) chat completion. */
export function completion(context: ChunkContext, text: string, finishReason: ChatFinishReason, usage: Usage): Json {
  return {
    id: context.id,
    object: 'chat.completion',
    created: context.created,
    model: context.model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason }],
    usage: { prompt_tokens: usage.prompt, completion_tokens: usage.completion, total_tokens: usage.prompt + usage.completion },
  };
}

/** The body each family answers an unknown model with, and its status. */
export function modelNotFound(family: OpenAiFamily, model: string): { status: number; body: string } {
  switch (family) {
    case 'ollama':
      return { status: 404, body: `${goJson({ error: { message: `model "${model}" not found, try pulling it first`, type: 'not_found_error', param: null, code: null } })}\n` };
    case 'vllm':
      return { status: 404, body: JSON.stringify({ error: { message: `The model \`${model}\` does not exist.`, type: 'NotFoundError', param: null, code: 404 } }) };
    case 'openrouter':
      return { status: 400, body: JSON.stringify({ error: { message: `${model} is not a valid model ID`, code: 400 } }) };
    default:
      return { status: 404, body: JSON.stringify({ error: { message: `The model \`${model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', param: null, code: 'model_not_found' } }, null, 4) };
  }
}

/** OpenAI's 401 body for a wrong or missing key (llama.cpp and vLLM with --api-key answer alike). */
export function invalidKeyBody(): string {
  return JSON.stringify({ error: { message: 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }, null, 4);
}
