// Table tests for the request body builder, the per-model thinking setting and the proxy paths.
import { describe, expect, it } from 'vitest';
import { buildGeminiBody, geminiPath, thinkingConfigFor, type GeminiRequest } from './request.ts';

describe('thinkingConfigFor', () => {
  it.each([
    ['gemini-2.5-flash', { thinkingBudget: 0 }],
    ['gemini-2.5-flash-lite', { thinkingBudget: 0 }],
    ['gemini-2.5-flash-preview-09-2025', { thinkingBudget: 0 }],
    ['gemini-2.5-flash-lite-preview-06-17', { thinkingBudget: 0 }],
    ['models/gemini-2.5-flash', { thinkingBudget: 0 }],
    ['Gemini-2.5-Flash', { thinkingBudget: 0 }],
    ['gemini-2.5-pro', undefined],
    ['gemini-2.5-pro-preview-06-05', undefined],
    ['gemini-3-pro-preview', { thinkingLevel: 'low' }],
    ['gemini-3-flash-preview', { thinkingLevel: 'low' }],
    ['gemini-2.0-flash', undefined],
    ['gemini-1.5-pro', undefined],
    ['gemma-3-27b-it', undefined],
    ['', undefined],
  ])('%s → %o', (model, expected) => {
    const config = thinkingConfigFor(model);
    expect(config).toEqual(expected);
    expect(config && 'thinkingBudget' in config && 'thinkingLevel' in config).toBeFalsy();
  });
});

const base: GeminiRequest = { model: 'gemini-2.5-flash', contents: [{ role: 'user', text: 'Hello' }] };

describe('buildGeminiBody', () => {
  it('fills in the seed defaults and turns thinking off for flash', () => {
    expect(buildGeminiBody(base)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
      generationConfig: { temperature: 0.7, maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } },
    });
  });

  it('carries the system instruction, the history in order and the given limits', () => {
    const body = buildGeminiBody({
      model: 'gemini-2.5-pro',
      system: 'You are an interviewer.',
      contents: [
        { role: 'user', text: 'Begin.' },
        { role: 'model', text: 'Tell me about yourself.' },
        { role: 'user', text: 'I build things.' },
      ],
      temperature: 0,
      maxOutputTokens: 4096,
    });
    expect(body).toEqual({
      systemInstruction: { parts: [{ text: 'You are an interviewer.' }] },
      contents: [
        { role: 'user', parts: [{ text: 'Begin.' }] },
        { role: 'model', parts: [{ text: 'Tell me about yourself.' }] },
        { role: 'user', parts: [{ text: 'I build things.' }] },
      ],
      generationConfig: { temperature: 0, maxOutputTokens: 4096 },
    });
  });

  it('asks for JSON with the schema in JSON mode', () => {
    const schema = { type: 'OBJECT', properties: { topics: { type: 'ARRAY', items: { type: 'STRING' } } }, required: ['topics'] };
    expect(buildGeminiBody({ ...base, model: 'gemini-3-pro-preview', json: { schema } }).generationConfig).toEqual({
      temperature: 0.7,
      maxOutputTokens: 1024,
      responseMimeType: 'application/json',
      responseSchema: schema,
      thinkingConfig: { thinkingLevel: 'low' },
    });
  });

  it('leaves out an empty system instruction', () => {
    expect(buildGeminiBody({ ...base, system: '' })).not.toHaveProperty('systemInstruction');
  });

  it.each([
    ['history starting with a model turn', [{ role: 'model' as const, text: 'Hi' }], /must start with a user turn/],
    ['empty history', [], /empty/],
  ])('throws a programming error for %s', (_name, contents, message) => {
    expect(() => buildGeminiBody({ ...base, contents })).toThrow(message);
  });
});

describe('geminiPath', () => {
  it.each([
    ['gemini-2.5-flash', true, '/api/llm/gemini/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse'],
    ['gemini-2.5-flash', false, '/api/llm/gemini/v1beta/models/gemini-2.5-flash:generateContent'],
    ['a/b?c', false, '/api/llm/gemini/v1beta/models/a%2Fb%3Fc:generateContent'],
  ])('%s stream=%s → %s', (model, stream, path) => {
    expect(geminiPath(model, stream)).toBe(path);
  });
});
