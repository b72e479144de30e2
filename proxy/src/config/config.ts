// The proxy's configuration: parsed and validated from environment variables, failing with one clear line.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import * as v from 'valibot';

/** Everything the proxy needs to run, after validation and defaults. */
export interface ProxyConfig {
  port: number;
  host: string;
  webDist: string | undefined;
  /** A folder of model files served at /models/ (a self-hoster's mirror of the voice model); undefined when not set. */
  modelsDir: string | undefined;
  demo: boolean;
  gemini: GeminiConfig | null;
  openai: OpenAiConfig | null;
  /** The provider the app uses unless the candidate picks another; null when no LLM is configured. */
  llmProvider: LlmProviderId | null;
  runpod: RunpodConfig | null;
  proxyTokens: readonly string[];
  allowedOrigins: readonly string[];
  rateLimitPerMinute: number;
  /** Requests a token (or a client address without tokens) may make in 24 hours; null means no daily budget. */
  tokenDailyRequests: number | null;
  /** Where the limits are kept when several proxies share them; null keeps them in this process's memory. */
  redis: RedisConfig | null;
  maxBodyBytes: number;
  upstreamTimeoutMs: number;
  shutdownGraceMs: number;
}

/** Gemini settings; present only when a key is configured. */
export interface GeminiConfig {
  apiKey: string;
  baseUrl: string;
  defaultModel: string;
  models: readonly string[];
  maxOutputTokens: number;
}

/** An OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, OpenRouter, OpenAI); present only when its base URL is set. */
export interface OpenAiConfig {
  /** Up to and including the API version, e.g. `http://127.0.0.1:11434/v1`; `/chat/completions` is added to it. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer`; local servers need none. */
  apiKey: string | undefined;
  defaultModel: string;
  models: readonly string[];
  maxOutputTokens: number;
}

/** The LLM providers the proxy can relay. */
export type LlmProviderId = 'gemini' | 'openai';

/** RunPod faster-whisper settings; present only when key and endpoint are configured. */
export interface RunpodConfig {
  apiKey: string;
  endpointId: string;
  baseUrl: string;
  pollIntervalMs: number;
  /** How long a /runsync call asks RunPod to wait for the result (`?wait=`) before the proxy polls /status. */
  waitMs: number;
  /** The longest a transcription job may take in all, queue included; then it is cancelled. */
  jobTimeoutMs: number;
}

/** The shared store for request limits (Redis or Valkey). */
export interface RedisConfig {
  /** redis:// or rediss:// URL; may carry a password, so it is treated as a secret. */
  url: string;
  /** While Redis is unreachable: true lets requests through under each instance's own limits, false refuses them. */
  failOpen: boolean;
}

/** A configuration problem, described in one line a person can act on. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_GEMINI_MODEL = 'gemini-2.5-flash';
// Ollama tags (qwen3:8b), OpenRouter ids (meta-llama/llama-3.3-70b-instruct:free), Hugging Face repos (Qwen/Qwen3-8B).
const OPENAI_MODEL_ID = /^[\w.:/@+-]+$/;
const DEFAULT_GEMINI_MODELS = ['gemini-2.5-flash', 'gemini-2.5-flash-lite', 'gemini-2.5-pro'];

const integer = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.regex(/^\d+$/, `${name} must be a whole number`),
    v.transform(Number),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

const httpUrl = (name: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.url(`${name} must be a URL such as https://example.com`),
    v.check((u) => /^https?:\/\//.test(u), `${name} must start with http:// or https://`),
    v.transform((u) => u.replace(/\/+$/, '')),
  );

const list = v.pipe(
  v.string(),
  v.transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
);

const flag = (name: string) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.picklist(['0', '1', 'true', 'false', ''], `${name} must be 1 or 0`),
    v.transform((s) => s === '1' || s === 'true'),
  );

const EnvSchema = v.object({
  PORT: v.optional(integer('PORT', 0, 65535), '8787'),
  HOST: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('HOST must not be empty')), '127.0.0.1'),
  WEB_DIST: v.optional(v.string()),
  MODELS_DIR: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(isDirectory, 'MODELS_DIR must be an existing folder (the model files to serve at /models/)'),
      v.transform((dir) => resolve(dir)),
    ),
  ),
  XQUIZIT_DEMO: v.optional(flag('XQUIZIT_DEMO'), '0'),
  ALLOW_OPEN_PROXY: v.optional(flag('ALLOW_OPEN_PROXY'), '0'),
  GEMINI_API_KEY: v.optional(v.pipe(v.string(), v.trim())),
  GEMINI_MODEL: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[\w.-]+$/, 'GEMINI_MODEL must be a model name such as gemini-2.5-flash'))),
  GEMINI_MODELS: v.optional(list),
  GEMINI_BASE_URL: v.optional(httpUrl('GEMINI_BASE_URL'), 'https://generativelanguage.googleapis.com'),
  GEMINI_MAX_OUTPUT_TOKENS: v.optional(integer('GEMINI_MAX_OUTPUT_TOKENS', 1, 65536), '8192'),
  OPENAI_BASE_URL: v.optional(httpUrl('OPENAI_BASE_URL')),
  OPENAI_API_KEY: v.optional(v.pipe(v.string(), v.trim())),
  OPENAI_MODEL: v.optional(v.pipe(v.string(), v.trim(), v.regex(OPENAI_MODEL_ID, 'OPENAI_MODEL must be a model name such as llama3.2 or qwen3:8b'))),
  OPENAI_MODELS: v.optional(v.pipe(list, v.check((models) => models.every((model) => OPENAI_MODEL_ID.test(model)), 'OPENAI_MODELS must be model names separated by commas'))),
  OPENAI_MAX_OUTPUT_TOKENS: v.optional(integer('OPENAI_MAX_OUTPUT_TOKENS', 1, 1_000_000), '8192'),
  LLM_PROVIDER: v.optional(v.pipe(v.string(), v.trim(), v.picklist(['gemini', 'openai'], 'LLM_PROVIDER must be gemini or openai'))),
  RUNPOD_API_KEY: v.optional(v.pipe(v.string(), v.trim())),
  RUNPOD_ENDPOINT_ID: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[\w-]*$/, 'RUNPOD_ENDPOINT_ID must be letters, digits, - or _'))),
  RUNPOD_BASE_URL: v.optional(httpUrl('RUNPOD_BASE_URL'), 'https://api.runpod.ai'),
  RUNPOD_POLL_INTERVAL_MS: v.optional(integer('RUNPOD_POLL_INTERVAL_MS', 10, 60000), '1000'),
  // Warning: RunPod takes ?wait= from 1000 ms; the app's requests must come back well within its 60 s per try.
  RUNPOD_WAIT_MS: v.optional(integer('RUNPOD_WAIT_MS', 1000, 20_000), '5000'),
  RUNPOD_JOB_TIMEOUT_MS: v.optional(integer('RUNPOD_JOB_TIMEOUT_MS', 1000, 3_600_000), '300000'),
  PROXY_TOKENS: v.optional(list),
  ALLOWED_ORIGINS: v.optional(list),
  RATE_LIMIT_PER_MINUTE: v.optional(integer('RATE_LIMIT_PER_MINUTE', 1, 1_000_000), '120'),
  TOKEN_DAILY_REQUESTS: v.optional(integer('TOKEN_DAILY_REQUESTS', 1, 100_000_000)),
  REDIS_URL: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check(isRedisUrl, 'REDIS_URL must be a URL such as redis://127.0.0.1:6379 (or rediss:// for TLS)'),
    ),
  ),
  REDIS_FAIL_OPEN: v.optional(flag('REDIS_FAIL_OPEN'), '0'),
  MAX_BODY_BYTES: v.optional(integer('MAX_BODY_BYTES', 1024, 100 * 1024 * 1024), String(8 * 1024 * 1024)),
  UPSTREAM_TIMEOUT_MS: v.optional(integer('UPSTREAM_TIMEOUT_MS', 100, 600_000), '120000'),
  SHUTDOWN_GRACE_MS: v.optional(integer('SHUTDOWN_GRACE_MS', 0, 600_000), '10000'),
});

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/;

/** True when the host only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Validates the environment into a config, or throws a ConfigError naming the first bad variable. */
export function parseConfig(env: Record<string, string | undefined>): ProxyConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const issue = result.issues[0];
    const key = issue.path?.[0]?.key;
    throw new ConfigError(`${String(key ?? 'environment')}: ${issue.message}`);
  }
  const e = result.output;
  const proxyTokens = e.PROXY_TOKENS ?? [];
  if (!isLoopbackHost(e.HOST) && proxyTokens.length === 0 && !e.ALLOW_OPEN_PROXY) {
    throw new ConfigError(
      `HOST=${e.HOST} would let anyone on the network spend your API keys: set PROXY_TOKENS, or ALLOW_OPEN_PROXY=1 if you really mean it`,
    );
  }
  const models = e.GEMINI_MODELS ?? (e.GEMINI_MODEL ? [e.GEMINI_MODEL] : DEFAULT_GEMINI_MODELS);
  const defaultModel = e.GEMINI_MODEL ?? models[0] ?? DEFAULT_GEMINI_MODEL;
  if (!models.includes(defaultModel)) {
    throw new ConfigError(`GEMINI_MODEL=${defaultModel} is not in GEMINI_MODELS (${models.join(', ')})`);
  }
  const openai = openAiConfig(e);
  const gemini: GeminiConfig | null = e.GEMINI_API_KEY
    ? { apiKey: e.GEMINI_API_KEY, baseUrl: e.GEMINI_BASE_URL, defaultModel, models, maxOutputTokens: e.GEMINI_MAX_OUTPUT_TOKENS }
    : null;
  const hasRunpodKey = Boolean(e.RUNPOD_API_KEY);
  if (hasRunpodKey !== Boolean(e.RUNPOD_ENDPOINT_ID)) {
    throw new ConfigError('RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID must be set together');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    webDist: e.WEB_DIST,
    modelsDir: e.MODELS_DIR,
    demo: e.XQUIZIT_DEMO,
    gemini,
    openai,
    llmProvider: defaultProvider(e.LLM_PROVIDER, gemini !== null, openai !== null),
    runpod:
      e.RUNPOD_API_KEY && e.RUNPOD_ENDPOINT_ID
        ? {
            apiKey: e.RUNPOD_API_KEY,
            endpointId: e.RUNPOD_ENDPOINT_ID,
            baseUrl: e.RUNPOD_BASE_URL,
            pollIntervalMs: e.RUNPOD_POLL_INTERVAL_MS,
            waitMs: e.RUNPOD_WAIT_MS,
            jobTimeoutMs: e.RUNPOD_JOB_TIMEOUT_MS,
          }
        : null,
    proxyTokens,
    allowedOrigins: e.ALLOWED_ORIGINS ?? [],
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    tokenDailyRequests: e.TOKEN_DAILY_REQUESTS ?? null,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, failOpen: e.REDIS_FAIL_OPEN } : null,
    maxBodyBytes: e.MAX_BODY_BYTES,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}

type Env = v.InferOutput<typeof EnvSchema>;

function openAiConfig(e: Env): OpenAiConfig | null {
  if (!e.OPENAI_BASE_URL) {
    for (const name of ['OPENAI_API_KEY', 'OPENAI_MODEL', 'OPENAI_MODELS'] as const) {
      if (e[name] !== undefined) throw new ConfigError(`${name} is set but OPENAI_BASE_URL is not: set it too (https://api.openai.com/v1 for OpenAI itself)`);
    }
    return null;
  }
  const models = e.OPENAI_MODELS ?? (e.OPENAI_MODEL ? [e.OPENAI_MODEL] : []);
  const defaultModel = e.OPENAI_MODEL ?? models[0];
  if (!defaultModel) throw new ConfigError('OPENAI_BASE_URL is set but no model is: set OPENAI_MODEL to the model your server runs (for example llama3.2)');
  if (!models.includes(defaultModel)) throw new ConfigError(`OPENAI_MODEL=${defaultModel} is not in OPENAI_MODELS (${models.join(', ')})`);
  return { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY || undefined, defaultModel, models, maxOutputTokens: e.OPENAI_MAX_OUTPUT_TOKENS };
}

function defaultProvider(chosen: LlmProviderId | undefined, hasGemini: boolean, hasOpenAi: boolean): LlmProviderId | null {
  if (chosen === 'gemini' && !hasGemini) throw new ConfigError('LLM_PROVIDER=gemini but GEMINI_API_KEY is not set');
  if (chosen === 'openai' && !hasOpenAi) throw new ConfigError('LLM_PROVIDER=openai but OPENAI_BASE_URL is not set');
  return chosen ?? (hasGemini ? 'gemini' : hasOpenAi ? 'openai' : null);
}

/** Every secret value in the config, for log and response scrubbing. */
export function secretsOf(config: ProxyConfig): string[] {
  return [config.gemini?.apiKey, config.openai?.apiKey, config.runpod?.apiKey, ...config.proxyTokens, ...redisSecrets(config.redis)].filter((s): s is string => Boolean(s));
}

/** The Redis URL's password, raw and percent-decoded: it must not reach a log line either. */
function redisSecrets(redis: RedisConfig | null): string[] {
  if (!redis) return [];
  const password = new URL(redis.url).password;
  return password ? [password, decodeURIComponent(password)] : [];
}
