// What known OpenAI-compatible model families need, in one table: which token limit field they take, whether they
// accept a temperature, how to keep their reasoning short, and the output room that reasoning still takes. Pure.

/** How to turn reasoning down: OpenAI's `reasoning_effort` (Ollama maps "none" to thinking off), or nothing. */
export type ReasoningEffort = 'none' | 'minimal' | 'low';

/** How the app calls one family of models on an OpenAI-compatible server. */
export interface OpenAiModelRule {
  /** The family, for tests and messages. */
  family: string;
  /** Which model ids (lower case) belong to it; OpenRouter's `openai/` prefix included. */
  pattern: RegExp;
  /** OpenAI's reasoning models refuse `max_tokens` and take `max_completion_tokens`. */
  tokenField: 'max_tokens' | 'max_completion_tokens';
  /** False where only the default temperature (1) is accepted. */
  temperature: boolean;
  /** The least reasoning the family accepts. */
  reasoningEffort: ReasoningEffort;
  /** Output tokens that reasoning may still use at that effort; reasoning counts against the token limit. */
  reasoningRoom: number;
}

/** The rules, first match wins; any other model gets DEFAULT_RULE. */
export const OPENAI_MODEL_RULES: readonly OpenAiModelRule[] = [
  { family: 'OpenAI GPT-5.x', pattern: /^(?:openai\/)?gpt-5\.\d/, tokenField: 'max_completion_tokens', temperature: false, reasoningEffort: 'none', reasoningRoom: 0 },
  { family: 'OpenAI GPT-5', pattern: /^(?:openai\/)?gpt-5(?!-chat)/, tokenField: 'max_completion_tokens', temperature: false, reasoningEffort: 'minimal', reasoningRoom: 512 },
  { family: 'OpenAI o-series', pattern: /^(?:openai\/)?o[134](?:-|$)/, tokenField: 'max_completion_tokens', temperature: false, reasoningEffort: 'low', reasoningRoom: 2048 },
];

/**
 * Every other model (local servers, OpenRouter, OpenAI's chat models): `max_tokens` (the one field Ollama reads), the
 * app's temperature, and `reasoning_effort: "none"`, which Ollama documents as thinking off; a server that refuses
 * the field gets the request again without it (see adapt.ts).
 */
export const DEFAULT_RULE: OpenAiModelRule = {
  family: 'other',
  pattern: /$^/,
  tokenField: 'max_tokens',
  temperature: true,
  reasoningEffort: 'none',
  reasoningRoom: 0,
};

/** The rule for a model id. */
export function openAiRuleFor(model: string): OpenAiModelRule {
  const id = model.trim().toLowerCase();
  return OPENAI_MODEL_RULES.find((rule) => rule.pattern.test(id)) ?? DEFAULT_RULE;
}
