// The per-model rules for OpenAI-compatible servers, and how a refused body changes.
import { describe, expect, it } from 'vitest';
import { adaptToRefusal, initialKnobs, type Knobs } from './adapt.ts';
import { DEFAULT_RULE, openAiRuleFor } from './models.ts';

describe('openAiRuleFor', () => {
  it.each([
    ['gpt-5', 'OpenAI GPT-5', 'max_completion_tokens', false, 'minimal'],
    ['gpt-5-mini-2025-08-07', 'OpenAI GPT-5', 'max_completion_tokens', false, 'minimal'],
    ['openai/gpt-5-nano', 'OpenAI GPT-5', 'max_completion_tokens', false, 'minimal'],
    ['gpt-5.1', 'OpenAI GPT-5.x', 'max_completion_tokens', false, 'none'],
    ['o3-mini', 'OpenAI o-series', 'max_completion_tokens', false, 'low'],
    ['o4-mini', 'OpenAI o-series', 'max_completion_tokens', false, 'low'],
    ['o1', 'OpenAI o-series', 'max_completion_tokens', false, 'low'],
    ['gpt-5-chat-latest', 'other', 'max_tokens', true, 'none'],
    ['gpt-4o-mini', 'other', 'max_tokens', true, 'none'],
    ['qwen3:8b', 'other', 'max_tokens', true, 'none'],
    ['llama3.2', 'other', 'max_tokens', true, 'none'],
    ['olmo2:13b', 'other', 'max_tokens', true, 'none'],
  ])('%s → %s', (model, family, tokenField, temperature, reasoningEffort) => {
    expect(openAiRuleFor(model)).toMatchObject({ family, tokenField, temperature, reasoningEffort });
  });
});

describe('adaptToRefusal', () => {
  const knobs = (extra: Partial<Knobs> = {}): Knobs => ({ ...initialKnobs(DEFAULT_RULE), ...extra });
  it.each<[string, Partial<Knobs>, boolean, string, Partial<Knobs> | undefined]>([
    ['vLLM refusing effort none', {}, false, "Input should be 'low', 'medium' or 'high' (reasoning_effort)", { reasoningEffort: undefined }],
    ['OpenAI refusing effort', {}, false, "Unsupported parameter: 'reasoning_effort' is not supported with this model.", { reasoningEffort: undefined }],
    ['OpenAI wanting max_completion_tokens', { reasoningEffort: undefined }, false, "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.", { tokenField: 'max_completion_tokens' }],
    ['a server wanting max_tokens back', { reasoningEffort: undefined, tokenField: 'max_completion_tokens' }, false, 'Unknown field max_completion_tokens', { tokenField: 'max_tokens' }],
    ['a fixed temperature', { reasoningEffort: undefined }, false, "Unsupported value: 'temperature' does not support 0.7 with this model.", { temperature: false }],
    ['no strict schemas', { reasoningEffort: undefined }, true, "'response_format.type' must be 'json_schema'... json_schema is not supported", { jsonMode: 'json_object' }],
    ['no JSON mode at all', { reasoningEffort: undefined, jsonMode: 'json_object' }, true, 'response_format is not supported', { jsonMode: 'prompt' }],
    ['a JSON refusal on a text call', { reasoningEffort: undefined }, false, 'response_format is not supported', undefined],
    ['nothing we sent', { reasoningEffort: undefined }, true, 'messages: the first message must be from the user', undefined],
  ])('%s', (_name, start, json, message, change) => {
    expect(adaptToRefusal(knobs(start), message, json)).toEqual(change);
  });

  it('starts from what the server already refused for the model', () => {
    expect(initialKnobs(DEFAULT_RULE, { reasoningEffort: undefined, jsonMode: 'json_object' })).toEqual({
      tokenField: 'max_tokens',
      temperature: true,
      reasoningEffort: undefined,
      jsonMode: 'json_object',
    });
  });
});
