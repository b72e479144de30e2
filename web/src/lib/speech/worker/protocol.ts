// The shape every message to and from the speech worker shares, whichever model it is for. Each model's own
// protocol (tts/kokoro.protocol.ts, stt/vad.protocol.ts, stt/engines/device/recognizer.protocol.ts) narrows it.

/** Main thread → worker: `id` pairs each reply with its request. */
export interface WorkerRequest {
  type: string;
  id: number;
}

/** Worker → main thread, answering the request with the same `id`. */
export interface WorkerReply {
  type: string;
  id: number;
}

/** The type of a reply that reports a load's progress; a request may get many before its answer. */
export const PROGRESS_REPLY = 'progress';

/** A progress reply (its other fields belong to the model's protocol). */
export interface ProgressReply extends WorkerReply {
  type: typeof PROGRESS_REPLY;
}

/** Whether a reply reports progress rather than answering its request. */
export function isProgressReply(reply: WorkerReply): reply is ProgressReply {
  return reply.type === PROGRESS_REPLY;
}
