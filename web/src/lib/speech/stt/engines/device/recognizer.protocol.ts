// The recognizer's messages with the speech worker (Moonshine or Whisper, the answer's words): load a model,
// transcribe one clip, and their replies. A load reports its download as the models' progress reply.
import type { DownloadProgressReply, ModelSource } from '../../../models/index.ts';
import type { RecognizerDevice, RecognizerDeviceChoice } from './backend.ts';

/** Speech-to-text commands the worker understands. */
export const SttCommand = { load: 'stt-load', transcribe: 'stt-transcribe' } as const;

/** Speech-to-text replies the worker sends. */
export const SttReply = { loaded: 'stt-loaded', transcribed: 'stt-transcribed', failed: 'stt-failed' } as const;

/**
 * Main thread → worker: load a model from a source on a backend ('auto': the faster by a warm-up where WebGPU
 * exists), or transcribe one clip (16 kHz floats) in a language (Whisper uses it; Moonshine is English only; null
 * means English).
 */
export type SttToWorker =
  | { type: typeof SttCommand.load; id: number; modelId: string; source: ModelSource; origin: string; device: RecognizerDeviceChoice }
  | { type: typeof SttCommand.transcribe; id: number; samples: Float32Array; language: string | null };

/** Worker → main thread: the download's progress, loaded (and where it runs), a clip's text (with the model's own milliseconds), or why not. */
export type SttFromWorker =
  | DownloadProgressReply
  | { type: typeof SttReply.loaded; id: number; device: RecognizerDevice }
  | { type: typeof SttReply.transcribed; id: number; text: string; modelMs: number }
  | { type: typeof SttReply.failed; id: number; message: string };

/** Whether a request is for the recognizer. */
export function isSttRequest(message: { type: string }): message is SttToWorker {
  return message.type === SttCommand.load || message.type === SttCommand.transcribe;
}
