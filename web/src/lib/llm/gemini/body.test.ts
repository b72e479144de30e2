// Table tests for Gemini's request body (defaults, per-model thinking and temperature, room) and its proxy paths.
import { describe, expect, it } from 'vitest';
import type { LlmRequest } from '../request.ts';
import { buildGeminiBody, geminiPath } from './body.ts';

const base: LlmRequest = { model: 'gemini-2.5-flash', contents: [{ role: 'user', text: 'Hello' }] };

describe('buildGeminiBody', () => {
  it('fills in the seed defaults and turns thinking off for flash', () => {
    expect(buildGeminiBody(base, 1024)).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
      generationConfig: { temperature: 0.7, maxOutputTokens: 1024, thinkingConfig: { thinkingBudget: 0 } },
    });
  });

  it('carries the system instruction, the history in order and the temperature asked for', () => {
    const body = buildGeminiBody(
      {
        model: 'gemini-2.0-flash',
        system: 'You are an interviewer.',
        contents: [
          { role: 'user', text: 'Begin.' },
          { role: 'model', text: 'Tell me about yourself.' },
          { role: 'user', text: 'I build things.' },
        ],
        temperature: 0,
      },
      4096,
    );
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

  it('gives 2.5 Pro its smallest thinking budget on top of the room for the reply', () => {
    expect(buildGeminiBody({ ...base, model: 'gemini-2.5-pro' }, 1024).generationConfig).toEqual({
      temperature: 0.7,
      maxOutputTokens: 1024 + 128,
      thinkingConfig: { thinkingBudget: 128 },
    });
  });

  it('runs Gemini 3 at temperature 1.0 with a thinking level, never a budget', () => {
    const config = buildGeminiBody({ ...base, model: 'gemini-3-pro-preview', temperature: 0.2 }, 1024).generationConfig;
    expect(config).toEqual({ temperature: 1, maxOutputTokens: 2048, thinkingConfig: { thinkingLevel: 'LOW' } });
  });

  it('asks for JSON with the schema in JSON mode', () => {
    const schema = { type: 'OBJECT', properties: { topics: { type: 'ARRAY', items: { type: 'STRING' } } }, required: ['topics'] };
    expect(buildGeminiBody({ ...base, json: { schema } }, 4096).generationConfig).toEqual({
      temperature: 0.7,
      maxOutputTokens: 4096,
      responseMimeType: 'application/json',
      responseSchema: schema,
      thinkingConfig: { thinkingBudget: 0 },
    });
  });

  it('leaves out an empty system instruction', () => {
    expect(buildGeminiBody({ ...base, system: '' }, 1024)).not.toHaveProperty('systemInstruction');
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
