// Messages between the main thread and the Kokoro worker. Samples travel back as transferred ArrayBuffers.
import type { FileProgress, TtsBackendInfo, TtsLoadOptions } from './types.ts';

/** Commands the worker understands. */
export const TtsCommand = { load: 'load', synthesize: 'synthesize' } as const;

/** Replies the worker sends. */
export const TtsReply = { progress: 'progress', loaded: 'loaded', synthesized: 'synthesized', failed: 'failed' } as const;

/** Why a request failed. */
export const TtsErrorCode = {
  /** The worker could not start, crashed, or was stopped. */
  worker: 'worker-failed',
  /** The model, tokenizer or ONNX Runtime could not be loaded. */
  load: 'load-failed',
  /** `synthesize` before a successful `load`. */
  notLoaded: 'not-loaded',
  /** The text could not be spoken (unknown voice, bad speed, a failed run). */
  synthesis: 'synthesis-failed',
} as const;

/** One of TtsErrorCode's values. */
export type TtsErrorCodeValue = (typeof TtsErrorCode)[keyof typeof TtsErrorCode];

/** Main thread → worker. `id` pairs each reply with its request; the worker handles them one at a time, in order. */
export type ToWorker =
  | { type: typeof TtsCommand.load; id: number; options: TtsLoadOptions; threads: number | null }
  | { type: typeof TtsCommand.synthesize; id: number; text: string; voice: string; speed: number };

/** Worker → main thread. `progress` may come many times before a load's `loaded` or `failed`. */
export type FromWorker =
  | { type: typeof TtsReply.progress; id: number; files: readonly FileProgress[] }
  | { type: typeof TtsReply.loaded; id: number; info: TtsBackendInfo }
  | { type: typeof TtsReply.synthesized; id: number; audio: Float32Array; sampleRate: number; synthesisMs: number; onnxMs?: number }
  | { type: typeof TtsReply.failed; id: number; code: TtsErrorCodeValue; message: string };
