// Table tests for parsing the untrusted /api/health body.
import { describe, expect, it } from 'vitest';
import { parseHealth } from './health.ts';

const valid = {
  ok: true,
  version: '0.1.0',
  demo: false,
  auth: { required: true, authorized: false },
  llm: { provider: 'gemini', models: ['gemini-2.5-flash', 'gemini-2.5-pro'], defaultModel: 'gemini-2.5-flash' },
  stt: { provider: 'runpod' },
  models: { baseUrl: '/models/' },
};

describe('parseHealth', () => {
  const withProviders = { ...valid, llm: { ...valid.llm, providers: [valid.llm] } };

  it('accepts a full report, giving an older proxy’s single provider as the one offered', () => {
    const result = parseHealth(valid);
    expect(result).toEqual({ ok: true, health: withProviders });
  });

  it('accepts every provider offered, the ones this app does not know included', () => {
    const openai = { provider: 'openai', models: ['qwen3:8b'], defaultModel: 'qwen3:8b' };
    const future = { provider: 'anthropic', models: ['claude'], defaultModel: 'claude' };
    const result = parseHealth({ ...valid, llm: { ...future, providers: [future, valid.llm, openai] } });
    expect(result.ok && result.health.llm).toEqual({ ...future, providers: [future, valid.llm, openai] });
  });

  it('accepts an unknown provider alone, for the app to explain', () => {
    const result = parseHealth({ ...valid, llm: { provider: 'openai', models: ['m'], defaultModel: 'm' } });
    expect(result.ok && result.health.llm?.provider).toBe('openai');
  });

  it('accepts null llm and stt (no keys configured)', () => {
    const result = parseHealth({ ...valid, llm: null, stt: null });
    expect(result.ok && result.health.llm === null && result.health.stt === null).toBe(true);
  });

  it('takes a missing models entry as no models served', () => {
    const { models: _models, ...rest } = valid;
    const result = parseHealth(rest);
    expect(result.ok && result.health.models).toBeNull();
  });

  it('defaults demo to false when the proxy does not send it', () => {
    const { demo: _demo, ...rest } = valid;
    const result = parseHealth(rest);
    expect(result.ok && result.health.demo).toBe(false);
  });

  it('drops unknown extra keys', () => {
    const result = parseHealth({ ...valid, extra: 1, auth: { ...valid.auth, extra: 2 } });
    expect(result).toEqual({ ok: true, health: withProviders });
  });

  it('survives the request-limits report of a newer proxy, Redis unreachable included', () => {
    const limits = { store: 'redis', perMinute: 120, dailyRequests: 500, reachable: false, whenUnreachable: 'refuse' };
    expect(parseHealth({ ...valid, limits })).toEqual({ ok: true, health: withProviders });
  });

  it.each([
    ['not an object', 'hello', ''],
    ['null', null, ''],
    ['ok false', { ...valid, ok: false }, 'ok'],
    ['missing version', { ...valid, version: undefined }, 'version'],
    ['missing auth', { ...valid, auth: undefined }, 'auth'],
    ['missing auth.authorized', { ...valid, auth: { required: true } }, 'auth.authorized'],
    ['missing llm (must be null, not absent)', { ...valid, llm: undefined }, 'llm'],
    ['version as number', { ...valid, version: 1 }, 'version'],
    ['demo as string', { ...valid, demo: 'yes' }, 'demo'],
    ['auth.required as string', { ...valid, auth: { required: 'true', authorized: false } }, 'auth.required'],
    ['llm provider not a string', { ...valid, llm: { ...valid.llm, provider: 7 } }, 'llm.provider'],
    ['providers not an array', { ...valid, llm: { ...valid.llm, providers: 'gemini' } }, 'llm.providers'],
    ['models not an array', { ...valid, llm: { ...valid.llm, models: 'gemini-2.5-flash' } }, 'llm.models'],
    ['model not a string', { ...valid, llm: { ...valid.llm, models: [1] } }, 'llm.models.0'],
    ['unknown stt provider', { ...valid, stt: { provider: 'whisper' } }, 'stt.provider'],
  ])('rejects %s', (_name, body, path) => {
    const result = parseHealth(body);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.length).toBeGreaterThan(0);
      if (path) expect(result.reason).toContain(`${path}:`);
    }
  });
});
