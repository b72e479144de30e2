// The real kokoro-js + transformers.js + onnxruntime-node path on the tiny stand-in model (no network): what the
// worker runs, minus the browser. Also checks the kokoro-js patch keeps Node reading voices from its own package.
import path from 'node:path';
import { env as transformersEnv } from '@huggingface/transformers';
import { KokoroTTS, env as kokoroEnv } from 'kokoro-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES_PER_TOKEN, TTS_TEST_MODELS_DIR } from '../../../../scripts/make-tts-test-model.ts';
import type { OnnxWasmEnv } from '../onnx/index.ts';
import { configureEngine, dtypeFor, synthesizeWith, timeModelRuns, type CallableModel, type KokoroGenerator } from './engine.ts';
import { KOKORO_MODEL_ID, KOKORO_SAMPLE_RATE } from './types.ts';

const SHORT = 'Hello.';
const LONG = 'Tell me about a time you led a migration under a tight deadline.';

const saved = {
  allowLocalModels: transformersEnv.allowLocalModels,
  allowRemoteModels: transformersEnv.allowRemoteModels,
  localModelPath: transformersEnv.localModelPath,
  voicesBaseUrl: kokoroEnv.voicesBaseUrl,
};

function restoreEnv(): void {
  transformersEnv.allowLocalModels = saved.allowLocalModels;
  transformersEnv.allowRemoteModels = saved.allowRemoteModels;
  transformersEnv.localModelPath = saved.localModelPath;
  kokoroEnv.voicesBaseUrl = saved.voicesBaseUrl;
}

describe('dtypeFor', () => {
  it.each([
    ['webgpu', 'fp32'],
    ['wasm', 'q8'],
  ] as const)('%s loads %s weights', (device, dtype) => {
    expect(dtypeFor(device)).toBe(dtype);
  });
});

describe('configureEngine', () => {
  afterAll(restoreEnv);

  it('points transformers.js, ONNX Runtime and kokoro-js at our origin for this-server', () => {
    const threads = configureEngine({ device: 'wasm', source: 'this-server', origin: 'http://127.0.0.1:9' }, { crossOriginIsolated: true, cores: 8, threads: null });
    expect(threads).toBe(4);
    expect(transformersEnv).toMatchObject({ allowLocalModels: true, allowRemoteModels: false, localModelPath: 'http://127.0.0.1:9/models/' });
    expect(kokoroEnv.voicesBaseUrl).toBe('http://127.0.0.1:9/voices/');
    expect((transformersEnv.backends.onnx as OnnxWasmEnv).wasm.wasmPaths).toEqual({
      mjs: 'http://127.0.0.1:9/ort/ort-wasm-simd-threaded.jsep.mjs',
      wasm: 'http://127.0.0.1:9/ort/ort-wasm-simd-threaded.jsep.wasm',
    });
  });

  it.each([
    [true, 2, null, 1],
    [true, 2, 3, 3],
    [false, 16, 3, 1],
    [true, 16, null, 4],
  ] as const)('isolated=%s, %i cores, threads asked %s → %i', (crossOriginIsolated, cores, asked, threads) => {
    expect(configureEngine({ device: 'wasm', source: 'huggingface', origin: 'http://a' }, { crossOriginIsolated, cores, threads: asked })).toBe(threads);
    expect(transformersEnv).toMatchObject({ allowLocalModels: false, allowRemoteModels: true });
  });
});

describe('synthesizeWith', () => {
  const fake: KokoroGenerator = { generate: async (text) => ({ audio: new Float32Array(text.length), sampling_rate: KOKORO_SAMPLE_RATE }) };
  let clock = 0;
  const now = () => (clock += 5);

  it.each([
    ['an unknown voice', 'Hi.', 'ef_dora', 1, /Unknown voice "ef_dora"/],
    ['a zero speed', 'Hi.', 'af_bella', 0, /Speed must be a positive number/],
    ['a NaN speed', 'Hi.', 'af_bella', Number.NaN, /Speed must be a positive number/],
  ] as const)('refuses %s before running the model', async (_, text, voice, speed, message) => {
    await expect(synthesizeWith(fake, text, voice, speed, { now })).rejects.toThrow(message);
  });

  it('gives no samples for blank text without running the model', async () => {
    const piece = await synthesizeWith({ generate: () => Promise.reject(new Error('ran')) }, '  \n', 'af_bella', 1, { now });
    expect(piece).toEqual({ audio: new Float32Array(0), sampleRate: KOKORO_SAMPLE_RATE, synthesisMs: 0 });
  });

  it('copies samples that are a view into a larger buffer, so the worker can transfer them alone', async () => {
    const shared = new Float32Array(10).fill(0.5);
    const piece = await synthesizeWith({ generate: async () => ({ audio: shared.subarray(2, 6), sampling_rate: KOKORO_SAMPLE_RATE }) }, 'Hi.', 'af_bella', 1, { now });
    expect(piece.audio.buffer.byteLength).toBe(16);
    expect([...piece.audio]).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(piece.synthesisMs).toBe(5);
  });

  it('reports the model runs apart from the rest when given the model timer', async () => {
    let modelClock = 0;
    let synthesisClock = 0;
    const model: CallableModel = { _call: async () => ({ waveform: null }) };
    const modelTimer = timeModelRuns(model, () => (modelClock += 3));
    const timed: KokoroGenerator = {
      generate: async (text) => {
        await model._call({});
        await model._call({});
        return { audio: new Float32Array(text.length), sampling_rate: KOKORO_SAMPLE_RATE };
      },
    };
    const piece = await synthesizeWith(timed, 'Hi.', 'af_bella', 1, { now: () => (synthesisClock += 10), modelTimer });
    expect(piece.onnxMs).toBe(6);
    expect(piece.synthesisMs).toBe(10);
    expect(modelTimer.totalMs).toBe(6);
    expect(await synthesizeWith(timed, ' ', 'af_bella', 1, { modelTimer })).toMatchObject({ synthesisMs: 0, onnxMs: 0 });
    expect(await synthesizeWith(timed, 'Hi.', 'af_bella', 1)).not.toHaveProperty('onnxMs');
  });

  it('counts a failed model run and passes its error on', async () => {
    let clock = 0;
    const model: CallableModel = { _call: () => Promise.reject(new Error('bad input')) };
    const modelTimer = timeModelRuns(model, () => (clock += 4));
    await expect(model._call({})).rejects.toThrow('bad input');
    expect(modelTimer.totalMs).toBe(4);
  });
});

describe.each(['wasm', 'webgpu'] as const)('Kokoro on the tiny model, %s weights, in Node', (device) => {
  let tts: KokoroTTS;

  beforeAll(async () => {
    transformersEnv.allowLocalModels = true;
    transformersEnv.allowRemoteModels = false;
    transformersEnv.localModelPath = TTS_TEST_MODELS_DIR;
    // Node has neither WASM-in-browser nor WebGPU: onnxruntime-node's CPU backend runs the same graph.
    tts = await KokoroTTS.from_pretrained(KOKORO_MODEL_ID, { dtype: dtypeFor(device), device: 'cpu' });
  });

  afterAll(restoreEnv);

  it('reads the model from the test folder', () => {
    expect(path.basename(TTS_TEST_MODELS_DIR)).toBe('models');
    expect(tts.model.config.model_type).toBe('style_text_to_speech_2');
  });

  it('makes longer audio for longer text, a whole number of tokens long, at 24 kHz', async () => {
    const short = await synthesizeWith(tts, SHORT, 'af_bella', 1);
    const long = await synthesizeWith(tts, LONG, 'af_bella', 1);
    expect(short.sampleRate).toBe(KOKORO_SAMPLE_RATE);
    expect(long.sampleRate).toBe(KOKORO_SAMPLE_RATE);
    expect(short.audio.length % SAMPLES_PER_TOKEN).toBe(0);
    expect(long.audio.length % SAMPLES_PER_TOKEN).toBe(0);
    // The phonemes of LONG are several times as many as SHORT's.
    expect(long.audio.length).toBeGreaterThan(4 * short.audio.length);
    expect(Math.max(...long.audio.map(Math.abs))).toBeGreaterThan(0.25);
    expect(short.synthesisMs).toBeGreaterThanOrEqual(0);
  });

  it('is deterministic', async () => {
    const first = await synthesizeWith(tts, LONG, 'af_bella', 1);
    const second = await synthesizeWith(tts, LONG, 'af_bella', 1);
    expect(Buffer.from(second.audio.buffer).equals(Buffer.from(first.audio.buffer))).toBe(true);
  });

  it('speaks faster with a higher speed', async () => {
    const normal = await synthesizeWith(tts, LONG, 'af_bella', 1);
    const fast = await synthesizeWith(tts, LONG, 'af_bella', 2);
    expect(fast.audio.length).toBe(normal.audio.length / 2);
  });

  it('reads each voice from kokoro-js own files (another voice, another pitch)', async () => {
    const bella = await synthesizeWith(tts, SHORT, 'af_bella', 1);
    const george = await synthesizeWith(tts, SHORT, 'bm_george', 1);
    expect(george.audio.length).toBe(bella.audio.length);
    expect(Buffer.from(george.audio.buffer).equals(Buffer.from(bella.audio.buffer))).toBe(false);
  });

  it('times the ONNX run inside the synthesis', async () => {
    const modelTimer = timeModelRuns(tts.model);
    const piece = await synthesizeWith(tts, LONG, 'af_bella', 1, { modelTimer });
    expect(piece.onnxMs).toBeGreaterThan(0);
    expect(piece.onnxMs).toBeLessThanOrEqual(piece.synthesisMs);
    expect(modelTimer.totalMs).toBe(piece.onnxMs);
  });

  it('drops characters outside the phoneme vocabulary instead of failing', async () => {
    const piece = await synthesizeWith(tts, 'Ünïcødé ☃ 漢字 — 123 🎉', 'af_bella', 1);
    expect(piece.audio.length).toBeGreaterThan(0);
    expect(piece.audio.length % SAMPLES_PER_TOKEN).toBe(0);
  });
});
