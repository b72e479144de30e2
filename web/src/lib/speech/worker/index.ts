// Public face of the one speech worker's host (Kokoro, Silero and Moonshine or Whisper on one ONNX Runtime; each
// model's protocol and handler live with the model, ../speech.worker.ts registers them): the page's host and the
// messages' common shape.
// Warning: ../speech.worker.ts and the handlers must import runtime.ts and protocol.ts directly, never this file (it
// would bundle the worker into itself).
export { SpeechWorker, SpeechWorkerError, sharedSpeechWorker, startSpeechWorker, type SpeechReply, type SpeechWorkerOptions, type SpeechWorkerPort } from './speech.client.ts';
export { PROGRESS_REPLY, type ProgressReply, type WorkerReply, type WorkerRequest } from './protocol.ts';
