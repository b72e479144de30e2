// Public face of the OpenAI-compatible provider: /v1/chat/completions on Ollama, vLLM, llama.cpp, LM Studio,
// OpenRouter or OpenAI itself, through the proxy's /api/llm/openai route.
import type { LlmProvider } from '../provider.ts';
import { adaptToRefusal, initialKnobs, type Knobs } from './adapt.ts';
import { buildChatBody, CHAT_COMPLETIONS_PATH } from './body.ts';
import { openAiUpstreamError } from './errors.ts';
import { openAiRuleFor } from './models.ts';
import { createChatStreamReader, readChatCompletion } from './stream.ts';

export { toStrictJsonSchema } from './json-schema.ts';
export { OPENAI_MODEL_RULES, openAiRuleFor, type OpenAiModelRule } from './models.ts';

/**
 * The OpenAI-compatible provider. It remembers, per model, what the server refused (a reasoning knob, strict JSON
 * schemas, a token field), so only the first call of a session pays for a refusal.
 */
export function createOpenAiProvider(): LlmProvider {
  const learned = new Map<string, Partial<Knobs>>();
  return {
    id: 'openai',
    name: 'OpenAI-compatible server',
    start(request, { stream }) {
      const rule = openAiRuleFor(request.model);
      const knobs = initialKnobs(rule, learned.get(request.model));
      return {
        path: CHAT_COMPLETIONS_PATH,
        body: (room) => buildChatBody(request, { stream, room, reasoningRoom: rule.reasoningRoom, knobs }),
        streamReader: () => createChatStreamReader(request.model),
        readWhole: (json) => readChatCompletion(json, request.model),
        upstreamError: (failure) => openAiUpstreamError(failure),
        adaptToRefusal: (error) => {
          const change = adaptToRefusal(knobs, error.message, request.json !== undefined);
          if (!change) return false;
          Object.assign(knobs, change);
          learned.set(request.model, { ...learned.get(request.model), ...change });
          return true;
        },
      };
    },
  };
}
