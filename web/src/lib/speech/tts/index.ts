// Public face of the interviewer's voice: the reactive voice for the page, its parts for wiring and benchmarks,
// the voice list and the settings.
export { createAudioQueue, createBrowserAudioContext, resumeWhenVisible, type AudioQueue } from './audio-queue.ts';
export { browserSpeechSynthesis, createBrowserVoice, type BrowserVoice } from './browser-voice.ts';
export { InterviewerVoice, type InterviewerVoiceDeps, type KokoroState, type ServerModels, type VoiceStatus } from './interviewer-voice.svelte.ts';
export { kokoroLabel, QuestionSpeaker, type SpeakerState } from './question-speaker.ts';
export { requestPersistentStorage, TtsClient, TtsEngineError } from './tts.client.ts';
export { DEFAULT_SPEECH_SETTINGS, type SpeechMode, type SpeechSettings, type TtsBackendInfo } from './types.ts';
export { SPEED_RANGE } from './voice-settings.ts';
export { KOKORO_VOICES, offeredVoices, type KokoroVoice } from './voices.ts';
