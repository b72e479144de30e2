// The page's voice: status from the mode and Kokoro's loading (progress, ready, fallback, retry), settings kept,
// a reload when the device changes, persistent storage asked once, timings passed to the interview.
import { describe, expect, it } from 'vitest';
import type { SpeechTiming } from '../../interview/types.ts';
import { createAudioQueue } from './audio-queue.ts';
import { createBrowserVoice } from './browser-voice.ts';
import { FakeAudioContext, FakeSpeechSynthesis, FakeSynthesizer, FakeUtterance } from './fakes.ts';
import { InterviewerVoice, voiceStatus, type InterviewerVoiceDeps } from './interviewer-voice.svelte.ts';
import type { FileProgress } from '../models/index.ts';
import type { Synthesizer, TtsBackendInfo, TtsLoadOptions } from './types.ts';
import { VOICE_SETTINGS_KEY } from './voice-settings.ts';

const WASM_INFO: TtsBackendInfo = { device: 'wasm', dtype: 'q8', threads: 2 };
// A WebAssembly that validates everything (SIMD present).
const WASM = { validate: () => true };

/** A Kokoro engine whose loads the test finishes by hand. */
class FakeEngine extends FakeSynthesizer implements Synthesizer {
  readonly loads: TtsLoadOptions[] = [];
  progress: ((files: readonly FileProgress[]) => void) | null = null;
  #finish: { resolve: (info: TtsBackendInfo) => void; reject: (error: unknown) => void } | null = null;
  disposed = false;
  load(options: TtsLoadOptions, onProgress: (files: readonly FileProgress[]) => void): Promise<TtsBackendInfo> {
    this.loads.push(options);
    this.progress = onProgress;
    return new Promise((resolve, reject) => (this.#finish = { resolve, reject }));
  }
  finish(info: TtsBackendInfo = WASM_INFO): void {
    this.#finish?.resolve(info);
  }
  fail(message: string): void {
    this.#finish?.reject(new Error(message));
  }
  dispose(): void {
    this.disposed = true;
  }
}

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

function setup(options: { browserVoice?: boolean; webAssembly?: { validate(bytes: BufferSource): boolean }; confirmDownload?: InterviewerVoiceDeps['confirmDownload'] } = {}) {
  const engines: FakeEngine[] = [];
  const storage = memoryStorage();
  const context = new FakeAudioContext();
  let persistCalls = 0;
  const voice = new InterviewerVoice({
    storage,
    origin: 'http://127.0.0.1:8787',
    createSynthesizer: () => {
      const engine = new FakeEngine();
      engines.push(engine);
      return engine;
    },
    audio: createAudioQueue({ context, now: context.now, timer: context.timer }),
    browserVoice: options.browserVoice === false ? null : createBrowserVoice({ synthesis: new FakeSpeechSynthesis(), createUtterance: (text) => new FakeUtterance(text) }),
    webAssembly: 'webAssembly' in options ? options.webAssembly : WASM,
    persistStorage: async () => {
      persistCalls++;
      return true;
    },
    ...(options.confirmDownload ? { confirmDownload: options.confirmDownload } : {}),
  });
  return { voice, engines, storage, context, persistCalls: () => persistCalls };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('voiceStatus', () => {
  it.each([
    ['off', { kind: 'idle' } as const, true, { kind: 'off', reason: null }],
    ['browser', { kind: 'idle' } as const, true, { kind: 'ready', label: 'browser voice' }],
    ['browser', { kind: 'idle' } as const, false, { kind: 'off', reason: expect.stringContaining('no voice of its own') }],
    ['kokoro', { kind: 'ready', label: 'kokoro · wasm q8 · 1 thread' } as const, true, { kind: 'ready', label: 'kokoro · wasm q8 · 1 thread' }],
    ['kokoro', { kind: 'failed', reason: 'No model.' } as const, false, { kind: 'fallback', reason: 'No model.', browserVoice: false }],
  ] as const)('mode %s with Kokoro %j (browser voice: %s)', (mode, kokoro, browser, expected) => {
    expect(voiceStatus(mode, kokoro, browser)).toEqual(expected);
  });
});

describe('InterviewerVoice', () => {
  it('loads Kokoro on prepare with progress, from this server when it serves models, and asks to keep the files once', async () => {
    const { voice, engines, persistCalls } = setup();
    expect(voice.status).toEqual({ kind: 'idle' });
    voice.setServerModels({ baseUrl: '/models/' });
    voice.prepare();
    await settle();
    expect(engines).toHaveLength(1);
    expect(engines[0]?.loads).toEqual([{ device: 'wasm', source: 'this-server', origin: 'http://127.0.0.1:8787' }]);
    engines[0]?.progress?.([{ file: 'onnx/model_quantized.onnx', loaded: 46, total: 92 }]);
    expect(voice.status).toMatchObject({ kind: 'loading', percent: 50, loaded: 46, total: 92 });
    engines[0]?.finish();
    await settle();
    expect(voice.status).toEqual({ kind: 'ready', label: 'kokoro · wasm q8 · 2 threads' });
    expect(voice.backend).toEqual(WASM_INFO);
    expect(voice.engineLabel).toBe('kokoro · wasm q8 · 2 threads');
    voice.prepare();
    await settle();
    expect(engines).toHaveLength(1);
    expect(persistCalls()).toBe(1);
  });

  it('"Not now" to the download loads nothing and leaves the browser voice; trying again asks again', async () => {
    const asked: { bytes: number; files: readonly string[] }[] = [];
    const answers = [false, true];
    const { voice, engines, persistCalls } = setup({ confirmDownload: async (download) => (asked.push(download), answers.shift() ?? true) });
    voice.prepare();
    await settle();
    expect(asked).toEqual([{ modelId: 'onnx-community/Kokoro-82M-v1.0-ONNX', bytes: 92_400_000, files: ['onnx/model_quantized.onnx'] }]);
    expect(engines).toHaveLength(0);
    expect(persistCalls()).toBe(0);
    expect(voice.status).toEqual({ kind: 'fallback', reason: 'The natural voice (92 MB) was not downloaded on this metered connection.', browserVoice: true });
    voice.retry();
    await settle();
    expect(asked).toHaveLength(2);
    expect(engines).toHaveLength(1);
    expect(voice.status.kind).toBe('loading');
  });

  it('falls back to the browser voice with the reason when the model does not load, and can try again', async () => {
    const { voice, engines } = setup();
    voice.prepare();
    await settle();
    engines[0]?.fail('The voice model did not load: 404.');
    await settle();
    expect(voice.status).toEqual({ kind: 'fallback', reason: 'The voice model did not load: 404.', browserVoice: true });
    expect(voice.engineLabel).toContain('browser voice');
    voice.prepare();
    await settle();
    expect(engines).toHaveLength(1);
    voice.retry();
    await settle();
    expect(engines).toHaveLength(2);
    expect(voice.status.kind).toBe('loading');
  });

  it('does not try Kokoro where WASM SIMD is missing', async () => {
    const { voice, engines } = setup({ webAssembly: { validate: () => false } });
    voice.prepare();
    await settle();
    expect(engines).toHaveLength(0);
    expect(voice.status).toMatchObject({ kind: 'fallback', reason: expect.stringContaining('SIMD') });
  });

  it('keeps settings, loads nothing in text-only or browser mode, and reloads when the device changes', async () => {
    const { voice, engines, storage } = setup();
    voice.change({ mode: 'off' });
    voice.prepare();
    await settle();
    expect(engines).toHaveLength(0);
    expect(voice.status).toEqual({ kind: 'off', reason: null });
    voice.change({ mode: 'browser', voice: 'bm_george' });
    expect(voice.status).toEqual({ kind: 'ready', label: 'browser voice' });
    expect(JSON.parse(storage.items.get(VOICE_SETTINGS_KEY) ?? '{}')).toMatchObject({ mode: 'browser', voice: 'bm_george' });
    voice.setServerModels({ baseUrl: '/models/' });
    voice.change({ mode: 'kokoro' });
    await settle();
    expect(engines).toHaveLength(1);
    expect(engines[0]?.loads[0]?.source).toBe('this-server');
    engines[0]?.finish();
    await settle();
    voice.change({ device: 'webgpu' });
    await settle();
    expect(engines, 'no WebGPU adapter here: still WASM from this server, nothing to reload').toHaveLength(1);
    voice.change({ source: 'huggingface' });
    await settle();
    expect(engines).toHaveLength(2);
    expect(engines[0]?.disposed).toBe(true);
    expect(engines[1]?.loads[0]).toMatchObject({ source: 'huggingface', device: 'wasm' });
  });

  it('passes timings to the connected interview only while connected', async () => {
    const { voice, engines, context } = setup();
    voice.prepare();
    await settle();
    engines[0]?.finish();
    await settle();
    const timings: SpeechTiming[] = [];
    const disconnect = voice.connect((timing) => timings.push(timing));
    voice.follow({ id: 'q1', text: 'Tell me about yourself, please. ', streaming: true }, { answerSubmittedAt: 1, firstTokenAt: 2 });
    await settle();
    engines[0]?.resolveNext(1);
    await settle();
    context.advance(100);
    expect(timings.length).toBeGreaterThan(0);
    expect(timings[0]).toMatchObject({ questionId: 'q1', engine: 'kokoro · wasm q8 · 2 threads', answerSubmittedAt: 1, firstTokenAt: 2 });
    disconnect();
    const count = timings.length;
    voice.follow({ id: 'q2', text: 'Next one, then. What went wrong? ', streaming: true }, { answerSubmittedAt: 3, firstTokenAt: 4 });
    await settle();
    engines[0]?.resolveNext(1);
    await settle();
    context.advance(2_000);
    expect(timings).toHaveLength(count);
  });
});
