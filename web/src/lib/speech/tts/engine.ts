// Kokoro inside the speech worker: transformers.js, ONNX Runtime and kokoro-js set up for a model source and device,
// the model loaded, and text turned into samples. The worker's message loop is the only caller in the app.
import { env as transformersEnv } from '@huggingface/transformers';
import { KokoroTTS, env as kokoroEnv, type GenerateOptions } from 'kokoro-js';
import { configureOnnxWasm, type OnnxWasmEnv } from '../onnx/index.ts';
import { applyModelSource, modelSourceSettings, voicesBaseUrl, type TransformersProgressEvent } from '../models/index.ts';
import { KOKORO_MODEL_ID, KOKORO_SAMPLE_RATE, type SynthesizedPiece, type TtsBackendInfo, type TtsDevice, type TtsLoadOptions } from './types.ts';
import { findVoice } from './voices.ts';

/** The weights each device loads: fp32 on WebGPU (its q8 kernels are slow or missing), q8 (about 90 MB) on WASM. */
export function dtypeFor(device: TtsDevice): TtsBackendInfo['dtype'] {
  return device === 'webgpu' ? 'fp32' : 'q8';
}

/** What the worker knows about where it runs. */
export interface EngineScope {
  crossOriginIsolated: boolean;
  /** navigator.hardwareConcurrency. */
  cores: number;
  /** A fixed WASM thread count (benchmarks); null: from isolation and cores. Ignored without isolation. */
  threads: number | null;
}

/**
 * Points transformers.js, ONNX Runtime and kokoro-js at their sources. Call once, before loading.
 * Returns the WASM thread count. Warning: without cross-origin isolation more than 1 thread breaks ONNX Runtime.
 */
export function configureEngine(options: TtsLoadOptions, scope: EngineScope): number {
  applyModelSource(transformersEnv, modelSourceSettings(options.source, options.origin));
  kokoroEnv.voicesBaseUrl = voicesBaseUrl(options.origin);
  const onnx = transformersEnv.backends.onnx as OnnxWasmEnv;
  const { threads } = configureOnnxWasm(onnx, { origin: options.origin, crossOriginIsolated: scope.crossOriginIsolated, cores: scope.cores });
  if (scope.threads !== null && scope.crossOriginIsolated) onnx.wasm.numThreads = Math.max(1, Math.floor(scope.threads));
  return onnx.wasm.numThreads ?? threads;
}

/** A loaded engine. */
export interface LoadedEngine {
  tts: KokoroTTS;
  info: TtsBackendInfo;
  /** Times the model's ONNX runs, so synthesis can report them apart from phonemization. */
  modelTimer: ModelTimer;
}

/** The running total of milliseconds spent in a model's forward passes. */
export interface ModelTimer {
  readonly totalMs: number;
}

/** The part of a transformers.js model that runs it: `model(inputs)` calls `model._call(inputs)`. */
export interface CallableModel {
  _call(inputs: unknown): Promise<unknown>;
}

/**
 * Times every forward pass of a model (the ONNX session run and its tensor wrapping) by wrapping its `_call`.
 * Warning: relies on kokoro-js 1.2.1 running the model as `this.model(inputs)`, once per generate().
 */
export function timeModelRuns(model: CallableModel, now: () => number = () => performance.now()): ModelTimer {
  const run = model._call.bind(model);
  const timer = { totalMs: 0 };
  model._call = async (inputs) => {
    const started = now();
    try {
      return await run(inputs);
    } finally {
      timer.totalMs += now() - started;
    }
  };
  return timer;
}

/** Configures, then loads the model (from Cache Storage when an earlier visit downloaded it). */
export async function loadEngine(options: TtsLoadOptions, scope: EngineScope, onProgress: (event: TransformersProgressEvent) => void): Promise<LoadedEngine> {
  const threads = configureEngine(options, scope);
  const dtype = dtypeFor(options.device);
  const tts = await KokoroTTS.from_pretrained(KOKORO_MODEL_ID, {
    dtype,
    device: options.device,
    progress_callback: (event) => onProgress(event as TransformersProgressEvent),
  });
  const modelTimer = timeModelRuns(tts.model);
  return { tts, info: { device: options.device, dtype, threads: options.device === 'webgpu' ? 1 : threads }, modelTimer };
}

/** A voice id kokoro-js accepts. */
export type KokoroVoiceId = NonNullable<GenerateOptions['voice']>;

/** The part of KokoroTTS synthesis uses (a double in tests). */
export interface KokoroGenerator {
  generate(text: string, options: { voice: KokoroVoiceId; speed: number }): Promise<{ audio: Float32Array; sampling_rate: number }>;
}

/** How synthesis is timed. */
export interface SynthesisTiming {
  /** Milliseconds (performance.now). */
  now?: () => number;
  /** The generator's model timer: the piece then reports `onnxMs` too. */
  modelTimer?: ModelTimer;
}

/**
 * Speaks one piece of text. Blank text gives no samples without running the model. The samples own their buffer,
 * so the worker can transfer it. Warning: kokoro-js logs a table to the console before throwing on an unknown voice,
 * so the voice is checked here first.
 */
export async function synthesizeWith(tts: KokoroGenerator, text: string, voice: string, speed: number, timing: SynthesisTiming = {}): Promise<SynthesizedPiece> {
  const { now = () => performance.now(), modelTimer } = timing;
  if (!findVoice(voice)) throw new Error(`Unknown voice "${voice}".`);
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`Speed must be a positive number, not ${speed}.`);
  const started = now();
  const modelBefore = modelTimer?.totalMs ?? 0;
  const onnx = (): { onnxMs?: number } => (modelTimer ? { onnxMs: modelTimer.totalMs - modelBefore } : {});
  if (text.trim() === '') return { audio: new Float32Array(0), sampleRate: KOKORO_SAMPLE_RATE, synthesisMs: 0, ...onnx() };
  const raw = await tts.generate(text, { voice: voice as KokoroVoiceId, speed });
  const synthesisMs = now() - started;
  const ownsBuffer = raw.audio.buffer instanceof ArrayBuffer && raw.audio.byteOffset === 0 && raw.audio.byteLength === raw.audio.buffer.byteLength;
  const owned = ownsBuffer ? raw.audio : new Float32Array(raw.audio);
  return { audio: owned, sampleRate: raw.sampling_rate, synthesisMs, ...onnx() };
}
