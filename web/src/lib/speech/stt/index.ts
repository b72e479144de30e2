// Public face of the candidate's voice: the answer-area controls and setup panel, the settings, and what the
// rest of the app needs (joining spoken text to a draft, merging timings).
// The pipeline: capture.worklet → resample (16 kHz) → framer → vad (Silero) → segmenter → answer-recorder
// (storage's answer-audio store, budget, retry) → a speech-to-text engine (engine.ts; the shell picks one from
// engines/, which has its own door) → text landed in the answer box → sent at "Done" unless reviewed (send-spoken.ts).
export { default as MicControls } from './MicControls.svelte';
export { default as MicSetup } from './MicSetup.svelte';
export { joinAnswer, mergeListening } from './answer-text.ts';
export { sendsSpokenAnswerAtOnce, type LandedAnswer, type TakeEnding } from './send-spoken.ts';
export { DEFAULT_STT_SETTINGS, loadSttSettings, saveSttSettings, type SttSettings } from './settings.ts';
export { WHISPER_LANGUAGES, WHISPER_MODELS, type WhisperModel } from './languages.ts';
export type { RecorderState } from './answer-recorder.ts';
export { MIN_PAUSE_MS, type ListeningTiming } from './listening-timing.ts';
