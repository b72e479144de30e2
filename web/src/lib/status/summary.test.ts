// Table tests for the status panel's wording and for classifying health failures.
import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE, type Health } from '../api/index.ts';
import { classifyHealthFailure, NOT_CONFIGURED, STT_ON_DEVICE_ONLY, summarizeHealth } from './summary.ts';

const base: Health = {
  ok: true,
  version: '0.1.0',
  demo: false,
  auth: { required: false, authorized: true },
  llm: { provider: 'gemini', models: ['gemini-2.5-flash'], defaultModel: 'gemini-2.5-flash', providers: [{ provider: 'gemini', models: ['gemini-2.5-flash'], defaultModel: 'gemini-2.5-flash' }] },
  stt: { provider: 'runpod' },
  models: null,
};

describe('summarizeHealth', () => {
  it('names the configured LLM and STT', () => {
    const summary = summarizeHealth(base, false);
    expect(summary.llm).toEqual(['Gemini · gemini-2.5-flash']);
    expect(summary.stt).toBe('RunPod · or on this device, as chosen in the microphone setup');
    expect([summary.llmConfigured, summary.sttConfigured]).toEqual([true, true]);
  });

  it('names every offered provider with its default model, the default first', () => {
    const gemini = { provider: 'gemini', models: ['gemini-2.5-flash'], defaultModel: 'gemini-2.5-flash' };
    const openai = { provider: 'openai', models: ['qwen3:8b'], defaultModel: 'qwen3:8b' };
    const future = { provider: 'anthropic', models: ['claude'], defaultModel: 'claude' };
    expect(summarizeHealth({ ...base, llm: { ...openai, providers: [openai, gemini] } }, false).llm).toEqual(['OpenAI-compatible server · qwen3:8b', 'Gemini · gemini-2.5-flash']);
    expect(summarizeHealth({ ...base, llm: { ...future, providers: [future] } }, false).llm).toEqual(['anthropic (needs a newer version of the app) · claude']);
  });

  it('says "not configured" without keys, and that spoken answers still work on this device', () => {
    const summary = summarizeHealth({ ...base, llm: null, stt: null }, false);
    expect([summary.llm, summary.stt]).toEqual([[NOT_CONFIGURED], STT_ON_DEVICE_ONLY]);
    expect([summary.llmConfigured, summary.sttConfigured]).toEqual([false, false]);
  });

  it.each([
    [{ required: false, authorized: true }, false, 'open', false],
    [{ required: false, authorized: true }, true, 'open', false],
    [{ required: true, authorized: true }, true, 'accepted', false],
    [{ required: true, authorized: false }, false, 'missing', true],
    [{ required: true, authorized: false }, true, 'rejected', true],
  ] as const)('auth %o with token saved=%s → %s', (auth, hasToken, state, needsToken) => {
    const summary = summarizeHealth({ ...base, auth }, hasToken);
    expect(summary.accessState).toBe(state);
    expect(summary.needsToken).toBe(needsToken);
    expect(summary.access.length).toBeGreaterThan(0);
  });

  it('passes demo and version through', () => {
    const summary = summarizeHealth({ ...base, demo: true, version: '9.9.9' }, false);
    expect([summary.demo, summary.version]).toEqual([true, '9.9.9']);
  });
});

describe('classifyHealthFailure', () => {
  it.each([
    [new ApiError(0, NETWORK_ERROR, 'm'), 'unreachable'],
    [new ApiError(502, UNEXPECTED_RESPONSE, 'm'), 'unreachable'],
    [new ApiError(503, 'unavailable', 'm'), 'unreachable'],
    [new ApiError(500, UNEXPECTED_RESPONSE, 'm'), 'unreachable'],
    [new ApiError(500, 'internal', 'm'), 'invalid'],
    [new ApiError(200, UNEXPECTED_RESPONSE, 'm'), 'invalid'],
    [new ApiError(404, UNEXPECTED_RESPONSE, 'm'), 'invalid'],
    [new Error('boom'), 'invalid'],
  ])('%o → %s', (error, kind) => {
    expect(classifyHealthFailure(error).kind).toBe(kind);
  });
});
