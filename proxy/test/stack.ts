// Test harness: the fake upstreams plus a real proxy pointed at them, with its log lines captured.
import { parseConfig } from '../src/config/index.ts';
import { startProxy, type RunningProxy } from '../src/server.ts';
import { startFakeGemini, startFakeOpenAi, startFakeRunpod, type FakeGemini, type FakeOpenAi, type FakeRunpod, type OpenAiFamily } from './fakes/index.ts';

/** Keys the stack's fakes expect; tests search output for them. */
export const TEST_KEYS = { gemini: 'test-gemini-key-6b1f0c', openai: 'test-openai-key-4c7d2a', runpod: 'test-runpod-key-93ad2e', endpoint: 'ep-test' } as const;

/** The models the stack's OpenAI-compatible server has and the proxy allows. */
export const OPENAI_TEST_MODELS = ['qwen3:8b', 'llama3.2'] as const;

/** A running proxy wired to fresh fakes. */
export interface Stack {
  proxy: RunningProxy;
  gemini: FakeGemini;
  openai: FakeOpenAi;
  runpod: FakeRunpod;
  /** Every line the proxy logged. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts fakes and a proxy with the given extra environment (on free ports); the OpenAI-compatible fake speaks as `family`. */
export async function startStack(env: Record<string, string> = {}, family: OpenAiFamily = 'ollama'): Promise<Stack> {
  const gemini = await startFakeGemini({ apiKey: TEST_KEYS.gemini });
  const openai = await startFakeOpenAi({ family, apiKey: TEST_KEYS.openai, models: OPENAI_TEST_MODELS });
  const runpod = await startFakeRunpod({ apiKey: TEST_KEYS.runpod, endpointId: TEST_KEYS.endpoint });
  const logs: string[] = [];
  const config = parseConfig({
    PORT: '0',
    GEMINI_API_KEY: TEST_KEYS.gemini,
    GEMINI_BASE_URL: gemini.url,
    OPENAI_BASE_URL: openai.url,
    OPENAI_API_KEY: TEST_KEYS.openai,
    OPENAI_MODELS: OPENAI_TEST_MODELS.join(','),
    RUNPOD_API_KEY: TEST_KEYS.runpod,
    RUNPOD_ENDPOINT_ID: TEST_KEYS.endpoint,
    RUNPOD_BASE_URL: runpod.url,
    RUNPOD_POLL_INTERVAL_MS: '20',
    ...env,
  });
  const proxy = await startProxy(config, { logSink: (line) => logs.push(line) });
  return {
    proxy,
    gemini,
    openai,
    runpod,
    logs,
    close: async () => {
      await proxy.close(100);
      await Promise.all([gemini.close(), openai.close(), runpod.close()]);
    },
  };
}

/** A minimal valid Gemini request body. */
export function geminiBody(text = 'Hello', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ contents: [{ role: 'user', parts: [{ text }] }], ...extra });
}

/** The stream route for a model. */
export function streamPath(model = 'gemini-2.5-flash'): string {
  return `/api/llm/gemini/v1beta/models/${model}:streamGenerateContent?alt=sse`;
}

/** A minimal valid chat completions body. */
export function chatBody(text = 'Hello', extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ model: OPENAI_TEST_MODELS[0], messages: [{ role: 'user', content: text }], stream: true, ...extra });
}

/** The OpenAI-compatible route. */
export const CHAT_PATH = '/api/llm/openai/v1/chat/completions';
