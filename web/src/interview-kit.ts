// What the app shell needs only once an interview (or a report) is on screen: the interview machine with its real
// actors, the live session, the interview screen, the interviewer's voice, on-device speech-to-text, and the coach's report (its actor, view and
// screen). App.svelte imports this file on demand, so the first screen's script carries none of it (XState, the
// interview's prompts, the speech pipelines' main-thread parts, the report).
import { buildReportView, parseReportRecord, ReportActor, subjectOf, type ReportActorDeps } from './lib/feedback/index.ts';
import { createInterviewActors, interviewMachine } from './lib/interview/index.ts';
import type { InterviewInput } from './lib/interview/index.ts';
import { InterviewScreen, InterviewSession } from './lib/interview-screen/index.ts';
import type { DownloadRequest } from './lib/downloads/index.ts';
import type { LlmClient } from './lib/llm/index.ts';
import { DeviceEngine, RememberedDevices } from './lib/speech/stt/engines/device/index.ts';
import { resolveModelSource } from './lib/speech/models/index.ts';
import type { GpuProbe } from './lib/speech/onnx/index.ts';
import { loadSttSettings } from './lib/speech/stt/index.ts';
import { sharedSpeechWorker } from './lib/speech/worker/index.ts';
import {
  InterviewerVoice,
  requestPersistentStorage,
  TtsClient,
  type AudioQueue,
  type BrowserVoice,
  type InterviewerVoiceDeps,
  type ServerModels,
} from './lib/speech/tts/index.ts';
import { practiceInstructions, ReportScreen, ReportSession } from './lib/report-screen/index.ts';
import { answerDraftBackup, loadReport, saveInterview, saveReport, type InterviewRecord } from './lib/storage/index.ts';

/** What the shell already has and the kit shares: the audio unlocked by the first tap is the one the voice plays on. */
export interface InterviewKitDeps {
  /** The LLM client the shell built from its providers. */
  llm: LlmClient;
  getToken: () => string | null;
  /** localStorage, or null where the browser refuses it: the voice's settings and the recognizer's backend. */
  storage: InterviewerVoiceDeps['storage'];
  origin: string;
  audio: AudioQueue | null;
  browserVoice: BrowserVoice | null;
  /** What the health document says the server mirrors (MODELS_DIR), read when a model loads. */
  serverModels: () => ServerModels;
  /** Resolves true when a model download may start (the shell's download gate asks on metered connections). */
  confirmDownload: (request: DownloadRequest) => Promise<boolean>;
}

/** The interview half of the shell, built once per page. */
export interface InterviewKit {
  /** The interview screen component. */
  InterviewScreen: typeof InterviewScreen;
  /** The interviewer's voice (one per page). */
  voice: InterviewerVoice;
  /** Speech-to-text on this device (Moonshine or Whisper in the speech worker), loaded when first needed. */
  deviceSpeechToText: DeviceEngine;
  /** Starts a new interview. */
  start(input: InterviewInput): InterviewSession;
  /** Resumes a saved one exactly where it was. */
  restore(record: InterviewRecord): InterviewSession;
  /** Stops the voice and lets go of its worker. */
  dispose(): void;
  /** The report screen component. */
  ReportScreen: typeof ReportScreen;
  /** The report of one interview, made (or read back) in the background. */
  newReport(interviewId: string): ReportSession;
  /** What the report covers, from an interview's context. */
  subjectOf: typeof subjectOf;
  /** The report as shown, from what it covers and what has been judged so far. */
  reportView: typeof buildReportView;
  /** "Practise these" as interview instructions. */
  practiceInstructions: typeof practiceInstructions;
}

/** Builds the interview half of the shell. */
export function createInterviewKit(deps: InterviewKitDeps): InterviewKit {
  const sessionDeps = {
    machine: interviewMachine.provide({ actors: createInterviewActors(deps.llm, { getToken: deps.getToken }) }),
    save: saveInterview,
    draftBackup: answerDraftBackup,
  };
  // The coach's report asks the same client; it is stored in IndexedDB at every step and tried again when back online.
  const reportDeps: ReportActorDeps = {
    model: { generate: (request, options) => deps.llm.generate(request, options), options: { getToken: deps.getToken } },
    load: async (id) => parseReportRecord(await loadReport(id)) ?? undefined,
    save: saveReport,
    onOnline: (listener) => {
      window.addEventListener('online', listener);
      return () => window.removeEventListener('online', listener);
    },
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
    confirmDownload: (download) =>
      deps.confirmDownload({
        ...download,
        name: 'The natural voice (Kokoro)',
        purpose: 'to read the questions aloud in a natural voice',
        otherwise: 'Not now: your browser’s own voice reads the questions instead.',
      }),
  });
  // The candidate's words are recognized in the same worker as the voice, from the same model source, by the model
  // of the language in the microphone settings.
  const deviceSpeechToText = new DeviceEngine({
    worker: sharedSpeechWorker(),
    origin: deps.origin,
    source: () => resolveModelSource('auto', deps.serverModels()),
    language: () => loadSttSettings().language,
    devices: new RememberedDevices(deps.storage),
    persistStorage: () => requestPersistentStorage(navigator.storage),
    confirmDownload: (download) =>
      deps.confirmDownload({
        ...download,
        name: `The speech recognition model (${download.label})`,
        purpose: 'to recognize your spoken answers on this device',
        otherwise: 'Not now: type your answers; pressing the microphone asks again.',
      }),
  });
  return {
    InterviewScreen,
    voice,
    deviceSpeechToText,
    start: (input) => InterviewSession.start(input, sessionDeps),
    restore: (record) => InterviewSession.restore(record, sessionDeps),
    dispose: () => voice.dispose(),
    ReportScreen,
    newReport: (interviewId) => new ReportSession(new ReportActor(interviewId, reportDeps)),
    subjectOf,
    reportView: buildReportView,
    practiceInstructions,
  };
}
