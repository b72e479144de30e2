// Table tests for environment parsing: defaults, each bad value's one-line reason, the open-proxy guard.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, secretsOf, withEnvFile } from './index.ts';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      demo: false,
      gemini: null,
      runpod: null,
      proxyTokens: [],
      allowedOrigins: [],
      rateLimitPerMinute: 120,
      tokenDailyRequests: null,
      redis: null,
      maxBodyBytes: 8 * 1024 * 1024,
    });
  });

  it('configures Gemini when a key is present, with the allowlist and default model', () => {
    const config = parseConfig({ GEMINI_API_KEY: 'k', GEMINI_MODELS: 'gemini-2.5-flash, gemini-2.5-pro', GEMINI_MODEL: 'gemini-2.5-pro' });
    expect(config.gemini).toEqual({
      apiKey: 'k',
      baseUrl: 'https://generativelanguage.googleapis.com',
      defaultModel: 'gemini-2.5-pro',
      models: ['gemini-2.5-flash', 'gemini-2.5-pro'],
      maxOutputTokens: 8192,
    });
  });

  it('uses GEMINI_MODEL alone as a one-model allowlist', () => {
    expect(parseConfig({ GEMINI_API_KEY: 'k', GEMINI_MODEL: 'gemini-3-flash' }).gemini?.models).toEqual(['gemini-3-flash']);
  });

  it('configures RunPod only with both key and endpoint, trimming trailing slashes from URLs', () => {
    const config = parseConfig({ RUNPOD_API_KEY: 'r', RUNPOD_ENDPOINT_ID: 'abc-123', RUNPOD_BASE_URL: 'http://127.0.0.1:9/' });
    expect(config.runpod).toEqual({ apiKey: 'r', endpointId: 'abc-123', baseUrl: 'http://127.0.0.1:9', pollIntervalMs: 1000, waitMs: 5000, jobTimeoutMs: 300_000 });
  });

  it('configures an OpenAI-compatible server from its base URL and model, key optional', () => {
    const config = parseConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1/', OPENAI_MODEL: 'qwen3:8b' });
    expect(config.openai).toEqual({ baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, defaultModel: 'qwen3:8b', models: ['qwen3:8b'], maxOutputTokens: 8192 });
    expect(config.llmProvider).toBe('openai');
    const hosted = parseConfig({
      OPENAI_BASE_URL: 'https://openrouter.ai/api/v1',
      OPENAI_API_KEY: 'sk-or',
      OPENAI_MODELS: 'meta-llama/llama-3.3-70b-instruct:free, Qwen/Qwen3-8B',
      OPENAI_MAX_OUTPUT_TOKENS: '2048',
    });
    expect(hosted.openai).toMatchObject({ apiKey: 'sk-or', defaultModel: 'meta-llama/llama-3.3-70b-instruct:free', models: ['meta-llama/llama-3.3-70b-instruct:free', 'Qwen/Qwen3-8B'], maxOutputTokens: 2048 });
  });

  it('picks the default provider: LLM_PROVIDER, else Gemini when both are set', () => {
    const both = { GEMINI_API_KEY: 'g', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_MODEL: 'm' };
    expect(parseConfig(both).llmProvider).toBe('gemini');
    expect(parseConfig({ ...both, LLM_PROVIDER: 'openai' }).llmProvider).toBe('openai');
    expect(parseConfig({}).llmProvider).toBeNull();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT: PORT must be a whole number'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }, 'OPENAI_BASE_URL is set but no model is: set OPENAI_MODEL to the model your server runs (for example llama3.2)'],
    [{ OPENAI_MODEL: 'llama3.2' }, 'OPENAI_MODEL is set but OPENAI_BASE_URL is not: set it too (https://api.openai.com/v1 for OpenAI itself)'],
    [{ OPENAI_API_KEY: 'sk' }, 'OPENAI_API_KEY is set but OPENAI_BASE_URL is not: set it too (https://api.openai.com/v1 for OpenAI itself)'],
    [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL: OPENAI_BASE_URL must start with http:// or https://'],
    [{ OPENAI_BASE_URL: 'http://x/v1', OPENAI_MODEL: 'a b' }, 'OPENAI_MODEL: OPENAI_MODEL must be a model name such as llama3.2 or qwen3:8b'],
    [{ OPENAI_BASE_URL: 'http://x/v1', OPENAI_MODELS: 'a,b', OPENAI_MODEL: 'c' }, 'OPENAI_MODEL=c is not in OPENAI_MODELS (a, b)'],
    [{ OPENAI_BASE_URL: 'http://x/v1', OPENAI_MODEL: 'm', OPENAI_MAX_OUTPUT_TOKENS: '0' }, 'OPENAI_MAX_OUTPUT_TOKENS: OPENAI_MAX_OUTPUT_TOKENS must be at least 1'],
    [{ LLM_PROVIDER: 'anthropic' }, 'LLM_PROVIDER: LLM_PROVIDER must be gemini or openai'],
    [{ LLM_PROVIDER: 'openai', GEMINI_API_KEY: 'g' }, 'LLM_PROVIDER=openai but OPENAI_BASE_URL is not set'],
    [{ LLM_PROVIDER: 'gemini' }, 'LLM_PROVIDER=gemini but GEMINI_API_KEY is not set'],
    [{ PORT: '70000' }, 'PORT: PORT must be at most 65535'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE: RATE_LIMIT_PER_MINUTE must be at least 1'],
    [{ GEMINI_BASE_URL: 'ftp://x' }, 'GEMINI_BASE_URL: GEMINI_BASE_URL must start with http:// or https://'],
    [{ GEMINI_BASE_URL: 'not a url' }, 'GEMINI_BASE_URL: GEMINI_BASE_URL must be a URL such as https://example.com'],
    [{ XQUIZIT_DEMO: 'yes' }, 'XQUIZIT_DEMO: XQUIZIT_DEMO must be 1 or 0'],
    [{ RUNPOD_WAIT_MS: '90000' }, 'RUNPOD_WAIT_MS: RUNPOD_WAIT_MS must be at most 20000'],
    [{ RUNPOD_WAIT_MS: '500' }, 'RUNPOD_WAIT_MS: RUNPOD_WAIT_MS must be at least 1000'],
    [{ RUNPOD_API_KEY: 'r' }, 'RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID must be set together'],
    [{ GEMINI_MODELS: 'a,b', GEMINI_MODEL: 'c' }, 'GEMINI_MODEL=c is not in GEMINI_MODELS (a, b)'],
    [{ MAX_BODY_BYTES: '10' }, 'MAX_BODY_BYTES: MAX_BODY_BYTES must be at least 1024'],
    [{ TOKEN_DAILY_REQUESTS: '0' }, 'TOKEN_DAILY_REQUESTS: TOKEN_DAILY_REQUESTS must be at least 1'],
    [{ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL: REDIS_URL must be a URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL: REDIS_URL must be a URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)'],
    [{ REDIS_URL: 'redis://h', REDIS_FAIL_OPEN: 'maybe' }, 'REDIS_FAIL_OPEN: REDIS_FAIL_OPEN must be 1 or 0'],
    [{ MODELS_DIR: '/nonexistent/xquizit-models' }, 'MODELS_DIR: MODELS_DIR must be an existing folder (the model files to serve at /models/)'],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => parseConfig(env)).toThrow(new ConfigError(message));
  });

  it('refuses to listen beyond loopback without tokens', () => {
    expect(() => parseConfig({ HOST: '0.0.0.0' })).toThrow(/set PROXY_TOKENS, or ALLOW_OPEN_PROXY=1/);
    expect(parseConfig({ HOST: '0.0.0.0', PROXY_TOKENS: 'a, b' }).proxyTokens).toEqual(['a', 'b']);
    expect(parseConfig({ HOST: '0.0.0.0', ALLOW_OPEN_PROXY: '1' }).host).toBe('0.0.0.0');
    expect(parseConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('takes MODELS_DIR as an absolute folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xquizit-models-'));
    expect(parseConfig({ MODELS_DIR: dir }).modelsDir).toBe(dir);
    expect(parseConfig({}).modelsDir).toBeUndefined();
  });

  it('keeps limits in Redis when REDIS_URL is set, refusing calls while it is unreachable unless REDIS_FAIL_OPEN', () => {
    expect(parseConfig({ REDIS_URL: 'redis://10.0.0.5:6380/2', TOKEN_DAILY_REQUESTS: '500' })).toMatchObject({
      redis: { url: 'redis://10.0.0.5:6380/2', failOpen: false },
      tokenDailyRequests: 500,
    });
    expect(parseConfig({ REDIS_URL: 'rediss://cache.example', REDIS_FAIL_OPEN: '1' }).redis).toEqual({ url: 'rediss://cache.example', failOpen: true });
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ PORT: '', GEMINI_API_KEY: '' })).toMatchObject({ port: 8787, gemini: null });
  });

  it('lists every secret for scrubbing', () => {
    const config = parseConfig({ GEMINI_API_KEY: 'g', OPENAI_BASE_URL: 'http://x/v1', OPENAI_MODEL: 'm', OPENAI_API_KEY: 'o', RUNPOD_API_KEY: 'r', RUNPOD_ENDPOINT_ID: 'e', PROXY_TOKENS: 't1,t2' });
    expect(secretsOf(config).sort()).toEqual(['g', 'o', 'r', 't1', 't2']);
    expect(secretsOf(parseConfig({ REDIS_URL: 'redis://user:p%40ss@cache:6379' })).sort()).toEqual(['p%40ss', 'p@ss']);
    expect(secretsOf(parseConfig({ REDIS_URL: 'redis://cache:6379' }))).toEqual([]);
  });
});

describe('withEnvFile', () => {
  it('reads .env under the process environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xquizit-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=9000\nGEMINI_API_KEY="from-file"\n# a comment\n');
    expect(withEnvFile({ PORT: '9100' }, file)).toMatchObject({ PORT: '9100', GEMINI_API_KEY: 'from-file' });
  });

  it('is a no-op when the file does not exist', () => {
    expect(withEnvFile({ A: '1' }, '/nonexistent/.env')).toEqual({ A: '1' });
  });
});
