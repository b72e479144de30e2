import { describe, expect, it } from 'vitest';
import { whereDataGoes } from './privacy.ts';

describe('where data goes', () => {
  it.each([
    ['gemini:gemini-2.5-flash', 'go to Gemini (Google’s language model) through this server'],
    ['gemini-2.5-flash', 'go to Gemini (Google’s language model) through this server'],
    ['openai:qwen3:8b', 'go to your own model server (OpenAI-compatible) through this server'],
    ['mistral:large', 'go to the “mistral” model service through this server'],
    [null, 'go to the language model this server is set up with through this server'],
  ])('names the provider of %s', (model, expected) => {
    expect(whereDataGoes(model, false)).toContain(expected);
    expect(whereDataGoes(model, false)).toMatch(/nothing else leaves this device\.$/);
  });

  it('adds RunPod only where the server transcribes speech', () => {
    expect(whereDataGoes('gemini:gemini-2.5-flash', true)).toMatch(/Spoken answers transcribed by this server go to RunPod\.$/);
    expect(whereDataGoes('gemini:gemini-2.5-flash', false)).not.toContain('RunPod');
  });
});
