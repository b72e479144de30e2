// Messages between the main thread and the one speech worker, which hosts Kokoro (the interviewer's voice), Silero
// (voice activity in the candidate's answer) and Moonshine or Whisper (the answer's words) on one ONNX Runtime. Samples travel as transferred ArrayBuffers.
import type { FileProgress, ModelSource, TtsBackendInfo, TtsLoadOptions } from '../tts/types.ts';

/** Kokoro commands the worker understands. */
export const TtsCommand = { load: 'load', synthesize: 'synthesize', unload: 'unload' } as const;

/** Kokoro replies the worker sends. */
export const TtsReply = { progress: 'progress', loaded: 'loaded', synthesized: 'synthesized', failed: 'failed' } as const;

/** Voice-activity commands the worker understands. */
export const VadCommand = { load: 'vad-load', frame: 'vad-frame', reset: 'vad-reset' } as const;

/** Voice-activity replies the worker sends. */
export const VadReply = { loaded: 'vad-loaded', probability: 'vad-probability', failed: 'vad-failed' } as const;

/** Speech-to-text commands the worker understands. */
export const SttCommand = { load: 'stt-load', transcribe: 'stt-transcribe' } as const;

/** Speech-to-text replies the worker sends (download progress comes as TtsReply.progress, the same shape). */
export const SttReply = { loaded: 'stt-loaded', transcribed: 'stt-transcribed', failed: 'stt-failed' } as const;

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
 * loaded model; `unload` frees it (no reply). Neither touches the voice-activity model.
 */
export type TtsToWorker =
  | { type: typeof TtsCommand.load; id: number; options: TtsLoadOptions; threads: number | null }
  | { type: typeof TtsCommand.synthesize; id: number; text: string; voice: string; speed: number }
  | { type: typeof TtsCommand.unload; id: number };

/** Main thread → worker, for Silero. `origin` serves the model; a frame is 512 samples at 16 kHz; `reset` has no reply. */
export type VadToWorker =
  | { type: typeof VadCommand.load; id: number; origin: string }
  | { type: typeof VadCommand.frame; id: number; frame: Float32Array }
  | { type: typeof VadCommand.reset; id: number };

/**
 * Main thread → worker, for the recognizer: load a model from a source, or transcribe one clip (16 kHz floats) in a
 * language (Whisper uses it; Moonshine is English only; null means English).
 */
export type SttToWorker =
  | { type: typeof SttCommand.load; id: number; modelId: string; source: ModelSource; origin: string }
  | { type: typeof SttCommand.transcribe; id: number; samples: Float32Array; language: string | null };

/** Main thread → worker. Requests of one kind are handled in arrival order; voice activity goes first (see speech.worker.ts). */
export type ToWorker = TtsToWorker | VadToWorker | SttToWorker;

/** Worker → main thread, for Kokoro. `progress` may come many times before a load's `loaded` or `failed`. */
export type TtsFromWorker =
  | { type: typeof TtsReply.progress; id: number; files: readonly FileProgress[] }
  | { type: typeof TtsReply.loaded; id: number; info: TtsBackendInfo }
  | { type: typeof TtsReply.synthesized; id: number; audio: Float32Array; sampleRate: number; synthesisMs: number; onnxMs?: number }
  | { type: typeof TtsReply.failed; id: number; code: TtsErrorCodeValue; message: string };

/** Worker → main thread, for Silero: the model is ready, a frame's speech probability (0..1), or why not. */
export type VadFromWorker =
  | { type: typeof VadReply.loaded; id: number }
  | { type: typeof VadReply.probability; id: number; probability: number }
  | { type: typeof VadReply.failed; id: number; message: string };

/** Worker → main thread, for the recognizer: loaded, a clip's text (with the model's own milliseconds), or why not. */
export type SttFromWorker =
  | { type: typeof SttReply.loaded; id: number }
  | { type: typeof SttReply.transcribed; id: number; text: string; modelMs: number }
  | { type: typeof SttReply.failed; id: number; message: string };

/** Worker → main thread. */
export type FromWorker = TtsFromWorker | VadFromWorker | SttFromWorker;

/** Whether a request is for the voice-activity model. */
export function isVadRequest(message: ToWorker): message is VadToWorker {
  return message.type === VadCommand.load || message.type === VadCommand.frame || message.type === VadCommand.reset;
}

/** Whether a request is for the recognizer. */
export function isSttRequest(message: ToWorker): message is SttToWorker {
  return message.type === SttCommand.load || message.type === SttCommand.transcribe;
}
