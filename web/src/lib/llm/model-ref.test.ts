// Table tests for model references: provider and model in one string, and the bare Gemini ids older interviews hold.
import { describe, expect, it } from 'vitest';
import { modelRef, parseModelRef } from './model-ref.ts';

describe('model references', () => {
  it.each([
    ['gemini:gemini-2.5-flash', { provider: 'gemini', model: 'gemini-2.5-flash' }],
    ['openai:qwen3:8b', { provider: 'openai', model: 'qwen3:8b' }],
    ['openai:meta-llama/llama-3.3-70b-instruct:free', { provider: 'openai', model: 'meta-llama/llama-3.3-70b-instruct:free' }],
    ['gemini-2.5-flash', { provider: 'gemini', model: 'gemini-2.5-flash' }],
    ['models/gemini-2.5-pro', { provider: 'gemini', model: 'models/gemini-2.5-pro' }],
  ])('%s → %o', (ref, choice) => {
    expect(parseModelRef(ref)).toEqual(choice);
  });

  it.each([
    { provider: 'openai', model: 'llama3.2:3b' },
    { provider: 'gemini', model: 'gemini-2.5-pro' },
    { provider: 'openai', model: 'openai/gpt-5-mini' },
  ])('round-trips %o', (choice) => {
    expect(parseModelRef(modelRef(choice))).toEqual(choice);
  });
});
