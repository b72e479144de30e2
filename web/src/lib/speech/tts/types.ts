// The voice's vocabulary: which engine runs, what it downloads, and the seam between
// the synthesis engine (the Kokoro worker) and the speech pipeline (pieces, playback, timings).
import type { FileProgress, ModelSource } from '../models/index.ts';
import { DEFAULT_VOICE_ID } from './voices.ts';

/** Where ONNX Runtime runs Kokoro: WebGPU (fp32) or WASM (q8). */
export type TtsDevice = 'webgpu' | 'wasm';

/** The model every voice uses (its files live under this id on Hugging Face or under `/models/`). */
export const KOKORO_MODEL_ID = 'onnx-community/Kokoro-82M-v1.0-ONNX';

/** What Kokoro downloads on each device (q8 on WASM, fp32 on WebGPU), for the sizes stated before a download. */
export const KOKORO_DOWNLOADS = {
  wasm: { modelId: KOKORO_MODEL_ID, bytes: 92_400_000, files: ['onnx/model_quantized.onnx'] },
  webgpu: { modelId: KOKORO_MODEL_ID, bytes: 326_000_000, files: ['onnx/model.onnx'] },
} as const satisfies Record<TtsDevice, { modelId: string; bytes: number; files: readonly string[] }>;

/** Kokoro's output sample rate. */
export const KOKORO_SAMPLE_RATE = 24_000;

/** What loading the engine needs. */
export interface TtsLoadOptions {
  device: TtsDevice;
  source: ModelSource;
  /** The page's origin: voices, ONNX Runtime's WASM and `/models/` are fetched from it. */
  origin: string;
}

/** What actually runs, for the dev panel and the timings. */
export interface TtsBackendInfo {
  device: TtsDevice;
  dtype: 'fp32' | 'q8';
  /** WASM threads (1 on WebGPU or without cross-origin isolation). */
  threads: number;
}

/** One synthesized piece of speech. */
export interface SynthesizedPiece {
  /** Mono samples at `sampleRate`. */
  audio: Float32Array;
  sampleRate: number;
  /** How long the engine took (the ONNX run and phonemization, in the worker). */
  synthesisMs: number;
  /** The ONNX run alone (part of synthesisMs), where the engine measures it. */
  onnxMs?: number;
}

/**
 * What the speech pipeline needs from a synthesis engine: the Kokoro worker in the app, a double in unit tests.
 * Calls to `synthesize` are answered in the order they were made.
 */
export interface Synthesizer {
  /** Loads the model (downloading on first use); `onProgress` gets every file's progress so far. */
  load(options: TtsLoadOptions, onProgress: (files: readonly FileProgress[]) => void): Promise<TtsBackendInfo>;
  synthesize(text: string, voice: string, speed: number): Promise<SynthesizedPiece>;
  /** Stops the engine; pending calls reject. */
  dispose(): void;
}

/** How the interviewer speaks: Kokoro, the browser's own voice, or not at all. */
export type SpeechMode = 'kokoro' | 'browser' | 'off';

/** The candidate's voice settings (kept on this device). */
export interface SpeechSettings {
  mode: SpeechMode;
  /** A Kokoro voice id, e.g. af_bella. */
  voice: string;
  /** 0.7 to 1.5. */
  speed: number;
  /** 0 to 1. */
  volume: number;
  muted: boolean;
  /** 'auto' picks WebGPU where the browser has it, else WASM. */
  device: TtsDevice | 'auto';
  /** 'auto' uses this server's /models/ when the proxy serves them (MODELS_DIR), else Hugging Face. */
  source: ModelSource | 'auto';
}

/** The seed's voice (af_bella at speed 1.0), at full volume. */
export const DEFAULT_SPEECH_SETTINGS: SpeechSettings = {
  mode: 'kokoro',
  voice: DEFAULT_VOICE_ID,
  speed: 1,
  volume: 1,
  muted: false,
  device: 'auto',
  source: 'auto',
};
