// The spoken answer of one question on the page: microphone, listening pipeline and AnswerRecorder wired
// together, with reactive state for MicControls. Thin glue; the decisions live in answer-recorder.ts.
import type { ListeningTiming } from './listening-timing.ts';
import { startAnswerAudio, type AnswerAudioTake } from './answer-audio-recorder.ts';
import { AnswerRecorder, type RecorderState } from './answer-recorder.ts';
import type { SpeechToTextEngine } from './engine.ts';
import { startListening, type Listening } from './listen.ts';
import { closeStream, describeMicError, openMicrophone, type MicProblem } from './mic.ts';
import { indexedDbRecordingStore, indexedDbSegmentStore, type AnswerRecordingStore, type SegmentStore } from '../../storage/index.ts';
import { loadSttSettings } from './settings.ts';
import type { TakeEnding } from './send-spoken.ts';
import { loadSpeechDetector } from './vad.client.ts';
import type { SpeechDetector, VadEngine } from './vad.ts';

/** What a spoken answer needs from the page. */
export interface VoiceAnswerDeps {
  interviewId: string;
  questionId: string;
  /** The answer box's text. */
  getDraft: () => string;
  /** Appends transcribed text to the answer box. */
  land: (text: string) => void;
  /** A take has fully landed: its timing, and how it ended (whether it may be sent at once). */
  onTake: (timing: ListeningTiming, ending: TakeEnding) => void;
  /** The microphone is about to open (stop the interviewer's voice). */
  onStart?: () => void;
  /** The engine the app shell chose. */
  engine: SpeechToTextEngine;
  /** Overrides for tests. */
  store?: SegmentStore;
  recordings?: AnswerRecordingStore;
  detector?: () => Promise<SpeechDetector>;
}

/** The glue's own phase on top of the recorder's: opening the microphone, or closing it at "Done". */
export type VoicePhase = 'idle' | 'starting' | 'recording' | 'stopping' | 'finishing';

/** Done skips the capture's flush only when the voice-activity model is this close behind: the frame it is on. */
const MAX_QUEUED_FRAMES_TO_SKIP_FLUSH = 1;

const IDLE_STATE: RecorderState = { phase: 'idle', pending: '', retrying: false, failure: null, busy: false, speaking: false, autoFinishIn: null, serverWait: null };

/** One question's spoken answer. */
export class VoiceAnswer {
  /** The recorder's state (pending text, failures, auto-finish countdown). */
  state = $state.raw<RecorderState>(IDLE_STATE);
  /** Set when the microphone could not open. */
  micProblem = $state<MicProblem | null>(null);
  /** Input level 0..1 while recording. */
  level = $state(0);
  /** Where the answer stands, for the controls. */
  phase = $state<VoicePhase>('idle');
  /** Which voice-activity detector runs (null until it has loaded). */
  engine = $state<VadEngine | null>(null);

  readonly #deps: VoiceAnswerDeps;
  readonly #recorder: AnswerRecorder;
  #stream: MediaStream | null = null;
  #listening: Listening | null = null;
  /** The candidate's own recording of the take (when they keep them). */
  #audio: AnswerAudioTake | null = null;
  #recovered = false;
  #disposed = false;
  // How the take now landing ended: on this page (Done), and whether a failed part was given up on.
  #endedHere = false;
  #partSkipped = false;
  // Back online after a failure: try again without waiting for the candidate.
  readonly #online = () => {
    if (this.state.failure) this.retry();
  };
  // The page is closing or reloading: store the open segment now rather than at its next second.
  readonly #pagehide = () => {
    this.#recorder.persistNow();
    this.#audio?.flush();
  };

  constructor(deps: VoiceAnswerDeps) {
    this.#deps = deps;
    globalThis.addEventListener?.('online', this.#online);
    globalThis.addEventListener?.('pagehide', this.#pagehide);
    const settings = loadSttSettings();
    this.#recorder = new AnswerRecorder(
      { interviewId: deps.interviewId, questionId: deps.questionId, language: settings.language, autoFinishSeconds: settings.autoFinishSeconds },
      {
        engine: deps.engine,
        store: deps.store ?? indexedDbSegmentStore,
        context: deps.getDraft,
        land: deps.land,
        onTake: (timing) => {
          const ending: TakeEnding = { endedHere: this.#endedHere, partSkipped: this.#partSkipped };
          this.#endedHere = false;
          this.#partSkipped = false;
          deps.onTake(timing, ending);
        },
        onChange: (state) => {
          this.state = state;
          if (state.phase === 'idle' && this.phase === 'finishing') this.phase = 'idle';
        },
        onAutoFinish: () => void this.done(),
      },
    );
  }

  /** Whether the answer box must wait (recording, or text still to land). */
  get busy(): boolean {
    return this.phase !== 'idle' || this.state.busy;
  }

  /** Opens the microphone and starts a take. */
  async start(): Promise<void> {
    if (this.#disposed || this.phase === 'starting' || this.phase === 'recording' || this.phase === 'stopping') return;
    this.micProblem = null;
    this.phase = 'starting';
    this.#deps.onStart?.();
    this.#deps.engine.prepare?.();
    const settings = loadSttSettings();
    // The model loads while the microphone opens; frames wait for it, so the first words are kept.
    const detector = (this.#deps.detector ?? (() => loadSpeechDetector()))();
    void detector.then((loaded) => (this.engine = loaded.engine));
    try {
      this.#stream = await openMicrophone(settings.deviceId);
      if (this.#disposed) return this.#release();
      const startedAt = Date.now();
      this.#recorder.start(startedAt);
      if (settings.keepAnswerAudio) {
        this.#audio = startAnswerAudio(this.#stream, { interviewId: this.#deps.interviewId, questionId: this.#deps.questionId, take: startedAt }, this.#deps.recordings ?? indexedDbRecordingStore);
      }
      this.#listening = await startListening(this.#stream, detector, {
        onFrame: (frame, probability) => this.#recorder.pushFrame(frame, probability),
        onLevel: (level) => (this.level = level),
      });
      if (this.#disposed) return this.#release();
      this.phase = 'recording';
    } catch (error) {
      await this.#release();
      this.#recorder.finish();
      this.micProblem = describeMicError(error);
      this.phase = this.#recorder.state.phase === 'idle' ? 'idle' : 'finishing';
    }
  }

  /** Ends the take: the microphone closes and the open tail is sent. */
  async done(): Promise<void> {
    if (this.phase !== 'recording') return;
    this.phase = 'stopping';
    try {
      // When the voice-activity model has kept up and the tail's audio is complete, what is still in the capture (at most
      // a chunk and a frame, about 75 ms) could only start new speech as Done is pressed: the tail need not wait for it.
      const caughtUp = (this.#listening?.queuedFrames ?? Infinity) <= MAX_QUEUED_FRAMES_TO_SKIP_FLUSH;
      if (!(caughtUp && this.#recorder.tailComplete)) await this.#listening?.flush();
    } finally {
      // The tail is sent before the microphone is released: closing the audio context can take a while.
      this.#endedHere = true;
      this.#recorder.finish();
      await this.#release();
      this.level = 0;
      this.phase = this.#recorder.state.phase === 'idle' ? 'idle' : 'finishing';
    }
  }

  /** Picks up what a reload left of this answer (once). */
  async recover(): Promise<void> {
    if (this.#recovered || this.#disposed) return;
    this.#recovered = true;
    try {
      if (await this.#recorder.recover()) this.phase = this.#recorder.state.phase === 'idle' ? 'idle' : 'finishing';
    } catch {
      // Storage unreadable: nothing to recover; answers still work.
    }
  }

  /** Ends the take once the candidate pauses (the interview's time is up). */
  finishAtPause(): void {
    if (this.phase === 'recording') this.#recorder.finishAtPause();
  }

  /** Tries the failed segments again. */
  retry(): void {
    this.#recorder.retry();
  }

  /** Gives up on the failed segments so the candidate can type that part. */
  skipFailed(): void {
    this.#partSkipped = true;
    this.#recorder.skipFailed();
  }

  /** Stops everything; what was said and not yet transcribed stays stored for the next visit. */
  dispose(): void {
    this.#disposed = true;
    globalThis.removeEventListener?.('online', this.#online);
    globalThis.removeEventListener?.('pagehide', this.#pagehide);
    this.#recorder.dispose();
    void this.#release();
  }

  async #release(): Promise<void> {
    const listening = this.#listening;
    this.#listening = null;
    // Warning: the recording stops before the tracks do, so its last chunk is handed over.
    void this.#audio?.stop();
    this.#audio = null;
    closeStream(this.#stream);
    this.#stream = null;
    await listening?.stop();
  }
}
