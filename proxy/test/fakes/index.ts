// Public face of the fake upstreams (Gemini, RunPod) that unit tests, e2e specs, the demo
// mode and benchmarks run against.
export {
  DEFAULT_GEMINI_TEXT,
  geminiFixturesDir,
  startFakeGemini,
  type FakeGemini,
  type FakeGeminiOptions,
  type GeminiFixtureName,
  type GeminiReply,
  type GeminiRequestRecord,
} from './gemini.ts';
export type { GeminiFinishReason } from './gemini-wire.ts';
export { parseEvents } from './gemini-wire.ts';
export {
  DEFAULT_RUNPOD_TEXT,
  FAILED_MODEL_NOT_FOUND_ERROR,
  handlerError,
  startFakeRunpod,
  type FakeRunpod,
  type FakeRunpodOptions,
  type RunpodOutcome,
  type RunpodReceived,
  type RunpodReply,
  type RunpodTiming,
} from './runpod.ts';
export type { SegmentInput, WhisperOutput } from './runpod-wire.ts';
export { WHISPER_MODELS, type WhisperInput } from './runpod-schema.ts';
export { demoCandidate, demoInterviewer } from './demo-interviewer.ts';
