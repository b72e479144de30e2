// What the app shell needs only once an interview is on screen: the interview machine with its real actors, the live
// session, the interview screen and the interviewer's voice. App.svelte imports this file on demand, so the first
// screen's script carries none of it (XState, the prompts, the LLM client, the speech pipelines' main-thread parts).
import { createInterviewActors, interviewMachine } from './lib/interview/index.ts';
import type { InterviewInput } from './lib/interview/index.ts';
import { InterviewScreen, InterviewSession } from './lib/interview-screen/index.ts';
import type { LlmClient } from './lib/llm/index.ts';
import {
  InterviewerVoice,
  requestPersistentStorage,
  TtsClient,
  type AudioQueue,
  type BrowserVoice,
  type GpuProbe,
  type InterviewerVoiceDeps,
} from './lib/speech/tts/index.ts';
import { answerDraftBackup, saveInterview, type InterviewRecord } from './lib/storage/index.ts';

/** What the shell already has and the kit shares: the audio unlocked by the first tap is the one the voice plays on. */
export interface InterviewKitDeps {
  /** The LLM client the shell built from its providers. */
  llm: LlmClient;
  getToken: () => string | null;
  storage: InterviewerVoiceDeps['storage'];
  origin: string;
  audio: AudioQueue | null;
  browserVoice: BrowserVoice | null;
}

/** The interview half of the shell, built once per page. */
export interface InterviewKit {
  /** The interview screen component. */
  InterviewScreen: typeof InterviewScreen;
  /** The interviewer's voice (one per page). */
  voice: InterviewerVoice;
  /** Starts a new interview. */
  start(input: InterviewInput): InterviewSession;
  /** Resumes a saved one exactly where it was. */
  restore(record: InterviewRecord): InterviewSession;
  /** Stops the voice and lets go of its worker. */
  dispose(): void;
}

/** Builds the interview half of the shell. */
export function createInterviewKit(deps: InterviewKitDeps): InterviewKit {
  const sessionDeps = {
    machine: interviewMachine.provide({ actors: createInterviewActors(deps.llm, { getToken: deps.getToken }) }),
    save: saveInterview,
    draftBackup: answerDraftBackup,
  };
  const voice = new InterviewerVoice({
    storage: deps.storage,
    origin: deps.origin,
    // The worker (kokoro-js, transformers.js, ONNX Runtime) loads only when the voice is first needed.
    createSynthesizer: () => new TtsClient(),
    audio: deps.audio,
    browserVoice: deps.browserVoice,
    gpu: (navigator as Navigator & { gpu?: GpuProbe }).gpu,
    webAssembly: globalThis.WebAssembly,
    persistStorage: () => requestPersistentStorage(navigator.storage),
  });
  return {
    InterviewScreen,
    voice,
    start: (input) => InterviewSession.start(input, sessionDeps),
    restore: (record) => InterviewSession.restore(record, sessionDeps),
    dispose: () => voice.dispose(),
  };
}
