// Kokoro's messages with the speech worker (the interviewer's voice): load, synthesize, unload, and their replies.
// Samples travel as transferred ArrayBuffers.
import type { DownloadProgressReply } from '../models/index.ts';
import type { TtsBackendInfo, TtsLoadOptions } from './types.ts';

/** Kokoro commands the worker understands. */
export const TtsCommand = { load: 'load', synthesize: 'synthesize', unload: 'unload' } as const;

/** Kokoro replies the worker sends. */
export const TtsReply = { progress: 'progress', loaded: 'loaded', synthesized: 'synthesized', failed: 'failed' } as const;

/** Why a Kokoro request failed. */
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

/**
 * Main thread → worker, for Kokoro. `id` pairs each reply with its request. A `load` with other options replaces the
 * loaded model; `unload` frees it (no reply). Neither touches the other models.
 */
export type TtsToWorker =
  | { type: typeof TtsCommand.load; id: number; options: TtsLoadOptions; threads: number | null }
  | { type: typeof TtsCommand.synthesize; id: number; text: string; voice: string; speed: number }
  | { type: typeof TtsCommand.unload; id: number };

/** Worker → main thread, for Kokoro. `progress` may come many times before a load's `loaded` or `failed`. */
export type TtsFromWorker =
  | DownloadProgressReply
  | { type: typeof TtsReply.loaded; id: number; info: TtsBackendInfo }
  | { type: typeof TtsReply.synthesized; id: number; audio: Float32Array; sampleRate: number; synthesisMs: number; onnxMs?: number }
  | { type: typeof TtsReply.failed; id: number; code: TtsErrorCodeValue; message: string };

/** Whether a request is for Kokoro. */
export function isTtsRequest(message: { type: string }): message is TtsToWorker {
  return message.type === TtsCommand.load || message.type === TtsCommand.synthesize || message.type === TtsCommand.unload;
}
