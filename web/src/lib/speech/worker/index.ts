// Public face of the one speech worker (Kokoro, Silero and Moonshine or Whisper on one ONNX Runtime, one handler file
// per model under handlers/): the page's host and its messages.
// Warning: speech.worker.ts must import the protocol directly, never this file (it would bundle the worker into itself).
export { SpeechWorker, SpeechWorkerError, sharedSpeechWorker, startSpeechWorker, type SpeechReply, type SpeechWorkerOptions, type SpeechWorkerPort } from './speech.client.ts';
export { SttCommand, SttReply, TtsCommand, TtsErrorCode, TtsReply, VadCommand, VadReply, type FromWorker, type ToWorker, type TtsErrorCodeValue, type TtsToWorker } from './speech.protocol.ts';
