// Silero's messages with the speech worker (voice activity in the candidate's answer): load, one frame, reset.

/** Voice-activity commands the worker understands. */
export const VadCommand = { load: 'vad-load', frame: 'vad-frame', reset: 'vad-reset' } as const;

/** Voice-activity replies the worker sends. */
export const VadReply = { loaded: 'vad-loaded', probability: 'vad-probability', failed: 'vad-failed' } as const;

/** Main thread → worker, for Silero. `origin` serves the model; a frame is 512 samples at 16 kHz; `reset` has no reply. */
export type VadToWorker =
  | { type: typeof VadCommand.load; id: number; origin: string }
  | { type: typeof VadCommand.frame; id: number; frame: Float32Array }
  | { type: typeof VadCommand.reset; id: number };

/** Worker → main thread, for Silero: the model is ready, a frame's speech probability (0..1), or why not. */
export type VadFromWorker =
  | { type: typeof VadReply.loaded; id: number }
  | { type: typeof VadReply.probability; id: number; probability: number }
  | { type: typeof VadReply.failed; id: number; message: string };

/** Whether a request is for the voice-activity model. */
export function isVadRequest(message: { type: string }): message is VadToWorker {
  return message.type === VadCommand.load || message.type === VadCommand.frame || message.type === VadCommand.reset;
}
