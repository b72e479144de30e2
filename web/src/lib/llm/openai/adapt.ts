// What a chat completions body may hold that a given server refuses, and how the body changes when one refuses it:
// OpenAI-compatible servers differ (vLLM takes only low/medium/high effort, OpenAI's chat models refuse any,
// LM Studio has no json_object, OpenAI's reasoning models refuse max_tokens). Pure.
import type { OpenAiModelRule, ReasoningEffort } from './models.ts';

/** The parts of the body a server may refuse; each step down is one refusal. */
export interface Knobs {
  tokenField: 'max_tokens' | 'max_completion_tokens';
  temperature: boolean;
  reasoningEffort: ReasoningEffort | undefined;
  /** How JSON is asked for: a strict schema, any JSON object, or only the prompt's words (the answer is validated either way). */
  jsonMode: 'json_schema' | 'json_object' | 'prompt';
}

/** The knobs to start a call with: the model's rule, then what this server already refused for the model. */
export function initialKnobs(rule: OpenAiModelRule, learned: Partial<Knobs> = {}): Knobs {
  return { tokenField: rule.tokenField, temperature: rule.temperature, reasoningEffort: rule.reasoningEffort, jsonMode: 'json_schema', ...learned };
}

/** The change that answers a server's refusal `message`, or undefined when nothing we send explains it. */
export function adaptToRefusal(knobs: Knobs, message: string, json: boolean): Partial<Knobs> | undefined {
  const text = message.toLowerCase();
  if (knobs.reasoningEffort !== undefined && /reasoning/.test(text)) return { reasoningEffort: undefined };
  if (knobs.tokenField === 'max_tokens' && text.includes('max_completion_tokens')) return { tokenField: 'max_completion_tokens' };
  if (knobs.tokenField === 'max_completion_tokens' && /max_completion_tokens|max_tokens/.test(text)) return { tokenField: 'max_tokens' };
  if (knobs.temperature && text.includes('temperature')) return { temperature: false };
  if (json && /response_format|json_schema|json_object|json schema|structured output|grammar/.test(text)) {
    if (knobs.jsonMode === 'json_schema') return { jsonMode: 'json_object' };
    if (knobs.jsonMode === 'json_object') return { jsonMode: 'prompt' };
  }
  return undefined;
}
