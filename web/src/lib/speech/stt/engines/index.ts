// Public face of the speech-to-text engines for the app shell: the seam's types, the engines, and how the chosen one
// is handed down to the answer controls.
export type { EnginePolicy, ModelStatus, ServerPhase, SpeechClip, SpeechToTextEngine, SttEngineKind } from '../engine.ts';
export { engineToUse, preferredEngine } from './choose.ts';
export { provideSpeechToText, speechToTextSource, type SpeechToTextSource } from './context.ts';
export { createRunpodEngine, RUNPOD_POLICY, type RunpodEngineDeps } from './runpod/index.ts';
