// Public face of the fake upstreams (Gemini, an OpenAI-compatible server, RunPod) that unit tests, e2e specs, the
// demo mode and benchmarks run against.
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
export {
  DEFAULT_OPENAI_TEXT,
  OPENAI_CAPTURED_DIR,
  startFakeOpenAi,
  type FakeOpenAi,
  type FakeOpenAiOptions,
  type OpenAiReply,
  type OpenAiRequestRecord,
} from './openai.ts';
export type { ChatFinishReason, OpenAiFamily } from './openai-wire.ts';
export { demoCandidate, demoInterviewer, demoOpenAiInterviewer } from './demo-interviewer.ts';
