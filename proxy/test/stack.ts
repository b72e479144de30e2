// Test harness: the fake upstreams plus a real proxy pointed at them, with its log lines captured.
import { parseConfig } from '../src/config/index.ts';
import { startProxy, type RunningProxy } from '../src/server.ts';
import { startFakeGemini, startFakeRunpod, type FakeGemini, type FakeRunpod } from './fakes/index.ts';

/** Keys the stack's fakes expect; tests search output for them. */
export const TEST_KEYS = { gemini: 'test-gemini-key-6b1f0c', runpod: 'test-runpod-key-93ad2e', endpoint: 'ep-test' } as const;

/** A running proxy wired to fresh fakes. */
export interface Stack {
  proxy: RunningProxy;
  gemini: FakeGemini;
  runpod: FakeRunpod;
  /** Every line the proxy logged. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts fakes and a proxy with the given extra environment (on free ports). */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const gemini = await startFakeGemini({ apiKey: TEST_KEYS.gemini });
  const runpod = await startFakeRunpod({ apiKey: TEST_KEYS.runpod, endpointId: TEST_KEYS.endpoint });
  const logs: string[] = [];
  const config = parseConfig({
    PORT: '0',
    GEMINI_API_KEY: TEST_KEYS.gemini,
    GEMINI_BASE_URL: gemini.url,
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
    runpod,
    logs,
    close: async () => {
      await proxy.close(100);
      await Promise.all([gemini.close(), runpod.close()]);
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
