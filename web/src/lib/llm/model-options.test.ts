// The model menu: known providers only, the server's default marked, a pick kept only while it is offered.
import { describe, expect, it } from 'vitest';
import { chosenModel, modelMenu } from './model-options.ts';

const providers = [
  { id: 'gemini', name: 'Gemini' },
  { id: 'openai', name: 'OpenAI-compatible server' },
];
const gemini = { provider: 'gemini', models: ['gemini-2.5-flash', 'gemini-2.5-pro'], defaultModel: 'gemini-2.5-flash' };
const openai = { provider: 'openai', models: ['qwen3:8b'], defaultModel: 'qwen3:8b' };

describe('modelMenu', () => {
  it('lists every model of every known provider, the server default first and marked', () => {
    expect(modelMenu([openai, gemini], providers)).toEqual({
      options: [
        { ref: 'openai:qwen3:8b', providerName: 'OpenAI-compatible server', model: 'qwen3:8b', isDefault: true },
        { ref: 'gemini:gemini-2.5-flash', providerName: 'Gemini', model: 'gemini-2.5-flash', isDefault: false },
        { ref: 'gemini:gemini-2.5-pro', providerName: 'Gemini', model: 'gemini-2.5-pro', isDefault: false },
      ],
      defaultRef: 'openai:qwen3:8b',
      unknownProviders: [],
    });
  });

  it('leaves out providers it does not know, and defaults to the first it knows', () => {
    const future = { provider: 'anthropic', models: ['claude'], defaultModel: 'claude' };
    const menu = modelMenu([future, gemini], providers);
    expect(menu.options.map((option) => option.ref)).toEqual(['gemini:gemini-2.5-flash', 'gemini:gemini-2.5-pro']);
    expect(menu.defaultRef).toBe('gemini:gemini-2.5-flash');
    expect(menu.unknownProviders).toEqual(['anthropic']);
  });

  it('has nothing to offer when it knows none of the providers', () => {
    expect(modelMenu([{ provider: 'anthropic', models: ['claude'], defaultModel: 'claude' }], providers)).toEqual({ options: [], defaultRef: null, unknownProviders: ['anthropic'] });
  });
});

describe('chosenModel', () => {
  const menu = modelMenu([gemini, openai], providers);
  it.each([
    ['the pick, while offered', 'openai:qwen3:8b', 'openai:qwen3:8b'],
    ['the default, for a pick no longer offered', 'openai:llama3.2', 'gemini:gemini-2.5-flash'],
    ['the default, with no pick', undefined, 'gemini:gemini-2.5-flash'],
  ])('%s', (_name, picked, chosen) => {
    expect(chosenModel(menu, picked)).toBe(chosen);
  });
});
