// The chat completions body: messages, the seed's defaults, the token field, JSON mode at each step down, reasoning.
import { describe, expect, it } from 'vitest';
import type { LlmRequest } from '../request.ts';
import { initialKnobs } from './adapt.ts';
import { buildChatBody } from './body.ts';
import { DEFAULT_RULE, openAiRuleFor } from './models.ts';

const request: LlmRequest = {
  model: 'qwen3:8b',
  system: 'You are an interviewer.',
  contents: [
    { role: 'user', text: 'Begin.' },
    { role: 'model', text: 'Tell me about yourself.' },
    { role: 'user', text: 'I build things.' },
  ],
};
const schema = { type: 'OBJECT', properties: { topics: { type: 'ARRAY', items: { type: 'STRING' } } }, required: ['topics'] };

describe('buildChatBody', () => {
  it('sends the system message, the turns as user and assistant, the seed temperature, max_tokens and no thinking', () => {
    expect(buildChatBody(request, { stream: true, room: 1024, reasoningRoom: 0, knobs: initialKnobs(DEFAULT_RULE) })).toEqual({
      model: 'qwen3:8b',
      messages: [
        { role: 'system', content: 'You are an interviewer.' },
        { role: 'user', content: 'Begin.' },
        { role: 'assistant', content: 'Tell me about yourself.' },
        { role: 'user', content: 'I build things.' },
      ],
      stream: true,
      temperature: 0.7,
      max_tokens: 1024,
      reasoning_effort: 'none',
    });
  });

  it('gives an OpenAI reasoning model max_completion_tokens with room for its reasoning, and no temperature', () => {
    const rule = openAiRuleFor('o4-mini');
    const body = buildChatBody({ ...request, model: 'o4-mini', temperature: 0.2 }, { stream: false, room: 1024, reasoningRoom: rule.reasoningRoom, knobs: initialKnobs(rule) });
    expect(body).toMatchObject({ max_completion_tokens: 1024 + 2048, reasoning_effort: 'low' });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('max_tokens');
  });

  it.each([
    ['json_schema', { type: 'json_schema', json_schema: { name: 'analysis', strict: true, schema: { type: 'object', properties: { topics: { type: 'array', items: { type: 'string' } } }, required: ['topics'], additionalProperties: false } } }],
    ['json_object', { type: 'json_object' }],
    ['prompt', undefined],
  ] as const)('asks for JSON as %s', (jsonMode, responseFormat) => {
    const body = buildChatBody({ ...request, json: { schema, name: 'analysis' } }, { stream: false, room: 4096, reasoningRoom: 0, knobs: { ...initialKnobs(DEFAULT_RULE), jsonMode } });
    expect(body.response_format).toEqual(responseFormat);
  });

  it('names a schema with only the characters OpenAI accepts', () => {
    const body = buildChatBody({ ...request, json: { schema, name: 'interview plan!' } }, { stream: false, room: 1, reasoningRoom: 0, knobs: initialKnobs(DEFAULT_RULE) });
    expect(body.response_format).toMatchObject({ json_schema: { name: 'interview_plan_' } });
  });

  it('leaves out what the server refused', () => {
    const knobs = { ...initialKnobs(DEFAULT_RULE), reasoningEffort: undefined, temperature: false };
    const body = buildChatBody({ ...request, system: '' }, { stream: true, room: 10, reasoningRoom: 0, knobs });
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream']);
    expect(body.messages[0]).toEqual({ role: 'user', content: 'Begin.' });
  });
});
