// The interviewer's voice on the page: the candidate's voice settings, loading Kokoro (progress, fallback to the
// browser's voice when it cannot load), and the question speaker, as reactive state for the UI.
// Thin shell: the engine, the players and the browser checks are passed in; the pipeline is question-speaker.ts.
import type { CurrentQuestion, QuestionMarks } from '../../interview/selectors.ts';
import type { SpeechTiming } from '../../interview/types.ts';
import type { AudioQueue } from './audio-queue.ts';
import type { BrowserVoice } from './browser-voice.ts';
import type { GpuProbe } from '../onnx/index.ts';
import { blockerMessage, chooseDevice, kokoroBlocker } from './device.ts';
import { resolveModelSource, summarizeProgress, type FileProgress } from '../models/index.ts';
import { BROWSER_VOICE_LABEL, kokoroLabel, QuestionSpeaker, type SpeakerState } from './question-speaker.ts';
import { KOKORO_DOWNLOADS, type SpeechSettings, type Synthesizer, type TtsBackendInfo, type TtsDevice } from './types.ts';
import { loadSpeechSettings, saveSpeechSettings, type SettingsStorage } from './voice-settings.ts';
import { assertNever } from '../../common/index.ts';

/** What the voice is doing, for the `tts-status` line. */
export type VoiceStatus =
  /** Kokoro chosen and not loaded yet (it loads when an interview starts). */
  | { kind: 'idle' }
  | { kind: 'loading'; percent: number; loaded: number; total: number; files: readonly FileProgress[] }
  | { kind: 'ready'; label: string }
  /** Kokoro could not load or broke: the browser's voice speaks instead (or nothing, when it has none). */
  | { kind: 'fallback'; reason: string; browserVoice: boolean }
  /** Text only: chosen, or nothing on this browser can speak. */
  | { kind: 'off'; reason: string | null };

/** Where the Kokoro engine stands. */
export type KokoroState =
  | { kind: 'idle' }
  | { kind: 'loading'; percent: number; loaded: number; total: number; files: readonly FileProgress[] }
  | { kind: 'ready'; label: string }
  | { kind: 'failed'; reason: string };

/** The status line for a mode and Kokoro's state. */
export function voiceStatus(mode: SpeechSettings['mode'], kokoro: KokoroState, browserVoice: boolean): VoiceStatus {
  switch (mode) {
    case 'off':
      return { kind: 'off', reason: null };
    case 'browser':
      return browserVoice ? { kind: 'ready', label: BROWSER_VOICE_LABEL } : { kind: 'off', reason: NO_BROWSER_VOICE };
    case 'kokoro':
      return kokoro.kind === 'failed' ? { kind: 'fallback', reason: kokoro.reason, browserVoice } : kokoro;
    default:
      return assertNever(mode);
  }
}

const NO_BROWSER_VOICE = 'This browser has no voice of its own, so questions are shown as text only.';

/** The health document's `models` entry: where this server serves model files, if it does. */
export type ServerModels = { baseUrl: string } | null;

/** What the voice is built from. */
export interface InterviewerVoiceDeps {
  storage: SettingsStorage | null;
  origin: string;
  /** Makes the Kokoro engine (the worker client in the app). */
  createSynthesizer: () => Synthesizer;
  /** Plays Kokoro's audio; null where Web Audio is missing. */
  audio: AudioQueue | null;
  /** The browser's own voice; null where speechSynthesis is missing. */
  browserVoice: BrowserVoice | null;
  gpu?: GpuProbe;
  webAssembly?: { validate(bytes: BufferSource): boolean };
  /** Asks the browser to keep the downloaded model (navigator.storage.persist). */
  persistStorage?: () => Promise<unknown>;
  /** Asks the candidate before the download where the connection is metered; false on "Not now" (absent: never asks). */
  confirmDownload?: (download: (typeof KOKORO_DOWNLOADS)[TtsDevice]) => Promise<boolean>;
}

const NO_MARKS: QuestionMarks = { answerSubmittedAt: null, firstTokenAt: null };

/** The interviewer's voice, one per page. */
export class InterviewerVoice {
  readonly #deps: InterviewerVoiceDeps;
  readonly #hasBrowserVoice: boolean;
  /** The candidate's settings (saved on every change). */
  settings = $state.raw<SpeechSettings>() as SpeechSettings;
  /** Where Kokoro stands, whatever the chosen mode. */
  kokoro = $state.raw<KokoroState>({ kind: 'idle' });
  /** What is being spoken now, for the caption and the skip button. */
  speech = $state.raw<SpeakerState>({ speaking: false, questionId: null, spokenRange: null });
  /** What runs the Kokoro engine once loaded. */
  backend = $state.raw<TtsBackendInfo | null>(null);

  readonly #speaker: QuestionSpeaker;
  #synthesizer: Synthesizer | null = null;
  #serverModels: ServerModels = null;
  /** The [device, source] the current engine was (or is being) loaded for. */
  #loadKey: string | null = null;
  #timingSink: ((timing: SpeechTiming) => void) | null = null;
  #persistAsked = false;

  constructor(deps: InterviewerVoiceDeps) {
    this.#deps = deps;
    this.#hasBrowserVoice = deps.browserVoice !== null;
    this.settings = loadSpeechSettings(deps.storage);
    this.#speaker = new QuestionSpeaker({
      audio: deps.audio,
      browserVoice: deps.browserVoice,
      settings: this.settings,
      onTiming: (timing) => this.#timingSink?.(timing),
      onEngineError: (error) => this.#engineBroke(error),
    });
    this.#speaker.subscribe((state) => (this.speech = state));
  }

  /** What the voice does now, from the mode and Kokoro's state (reactive: both are state). */
  get status(): VoiceStatus {
    return voiceStatus(this.settings.mode, this.kokoro, this.#hasBrowserVoice);
  }

  /** What speaks, for the dev panel: the Kokoro backend, the browser voice, or "off". */
  get engineLabel(): string {
    switch (this.status.kind) {
      case 'ready':
        return this.status.label;
      case 'fallback':
        return this.status.browserVoice ? `${BROWSER_VOICE_LABEL} (Kokoro did not load)` : 'off';
      case 'off':
        return 'off';
      case 'idle':
      case 'loading':
        return this.#hasBrowserVoice ? `${BROWSER_VOICE_LABEL} while Kokoro loads` : 'off while Kokoro loads';
      default:
        return assertNever(this.status);
    }
  }

  /** Whether this server serves the model files (health `models`); 'auto' loads from it then. */
  setServerModels(models: ServerModels): void {
    this.#serverModels = models;
  }

  /** Starts loading Kokoro if it is the chosen voice (call early: while the documents are analysed). */
  prepare(): void {
    if (this.settings.mode !== 'kokoro') return;
    void this.#loadKokoro();
  }

  /** Tries Kokoro again after it failed to load. */
  retry(): void {
    if (this.kokoro.kind !== 'failed') return;
    this.#loadKey = null;
    this.prepare();
  }

  /** Changes settings, saves them, and reloads the engine when the device or source changed. */
  change(patch: Partial<SpeechSettings>): void {
    const before = this.settings;
    this.settings = { ...before, ...patch };
    saveSpeechSettings(this.#deps.storage, this.settings);
    this.#speaker.setSettings(this.settings);
    const engineChanged = before.mode !== this.settings.mode || before.device !== this.settings.device || before.source !== this.settings.source;
    if (engineChanged) this.prepare();
  }

  /** Where the measured timings go (the running interview); returns the disconnect function. */
  connect(sink: (timing: SpeechTiming) => void): () => void {
    this.#timingSink = sink;
    return () => {
      if (this.#timingSink === sink) this.#timingSink = null;
    };
  }

  /** Follows the interview: call on every snapshot with its current question and that question's marks. */
  follow(question: CurrentQuestion | null, marks: QuestionMarks = NO_MARKS): void {
    this.#speaker.update(question, marks);
  }

  /** Stops speaking at once (skip). */
  skip(): void {
    this.#speaker.skip();
  }

  /** Speaks the last question again from the start. */
  replay(): void {
    this.#speaker.replay();
  }

  /** Stops speaking because the candidate started answering. */
  stop(): void {
    this.#speaker.stop();
  }

  /** Lets audio play: call inside a tap or key press (iOS Safari and autoplay rules). */
  unlock(): Promise<void> {
    return this.#speaker.unlock();
  }

  /** Stops the speaker and the engine. */
  dispose(): void {
    this.#speaker.dispose();
    this.#synthesizer?.dispose();
    this.#synthesizer = null;
  }

  async #loadKokoro(): Promise<void> {
    const blocker = kokoroBlocker(this.#deps.webAssembly);
    if (blocker) return this.#fallBack(blockerMessage(blocker));
    if (!this.#deps.audio) return this.#fallBack('This browser cannot play generated audio (no Web Audio).');
    const device = await chooseDevice(this.settings.device, this.#deps.gpu);
    const source = resolveModelSource(this.settings.source, this.#serverModels);
    const key = JSON.stringify([device, source]);
    // Loaded or loading already; after a failure only a changed device or source (or a new page) tries again.
    if (this.#loadKey === key) return;
    this.#loadKey = key;
    if (this.#deps.confirmDownload && !(await this.#deps.confirmDownload(KOKORO_DOWNLOADS[device]))) {
      return this.#fallBack(`The natural voice (${Math.round(KOKORO_DOWNLOADS[device].bytes / 1_000_000)} MB) was not downloaded on this metered connection.`);
    }
    this.#askToPersist();
    this.#speaker.setKokoro(null);
    this.#synthesizer?.dispose();
    const synthesizer = this.#deps.createSynthesizer();
    this.#synthesizer = synthesizer;
    this.backend = null;
    this.kokoro = { kind: 'loading', percent: 0, loaded: 0, total: 0, files: [] };
    try {
      const info = await synthesizer.load({ device, source, origin: this.#deps.origin }, (files) => {
        if (this.#synthesizer !== synthesizer) return;
        this.kokoro = { kind: 'loading', ...summarizeProgress(files), files };
      });
      if (this.#synthesizer !== synthesizer) return;
      const label = kokoroLabel(info);
      this.backend = info;
      this.#speaker.setKokoro({ synthesizer, label });
      this.kokoro = { kind: 'ready', label };
    } catch (error) {
      if (this.#synthesizer !== synthesizer) return;
      this.#synthesizer = null;
      this.#fallBack(error instanceof Error ? error.message : String(error));
    }
  }

  #engineBroke(error: unknown): void {
    this.#speaker.setKokoro(null);
    this.#synthesizer?.dispose();
    this.#synthesizer = null;
    this.#loadKey = null;
    this.backend = null;
    this.#fallBack(`The natural voice stopped working (${error instanceof Error ? error.message : String(error)}).`);
  }

  #fallBack(reason: string): void {
    this.kokoro = { kind: 'failed', reason };
  }

  #askToPersist(): void {
    if (this.#persistAsked) return;
    this.#persistAsked = true;
    void this.#deps.persistStorage?.().catch(() => undefined);
  }
}
