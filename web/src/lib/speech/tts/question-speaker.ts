// The interviewer's voice: follows the streamed question, cuts it into pieces, synthesizes them in order (the next one
// while the current one plays) and plays them, with skip, replay, stop, a caption range and per-question timings.
// Framework-free and DOM-free: the synthesizer, the audio queue and the browser voice are passed in.
import type { CurrentQuestion, QuestionMarks } from '../../interview/selectors.ts';
import type { SpeechPieceTiming, SpeechTiming } from '../../interview/types.ts';
import type { AudioQueue, PlaybackEvent } from './audio-queue.ts';
import type { BrowserVoice } from './browser-voice.ts';
import { createPieceSplitter, createRangeMap, pieceKey, type PieceSplitter, type RangeMap, type SpeechPiece } from './pieces.ts';
import type { PieceTrace } from './pipeline-overhead.ts';
import type { SpeechSettings, SynthesizedPiece, Synthesizer, TtsBackendInfo } from './types.ts';
import { assertNever } from '../../common/index.ts';

/** What the UI shows of the voice. */
export interface SpeakerState {
  /** True from the question's first piece until its last piece has played (false after stop, skip or the end). */
  speaking: boolean;
  /** The question the voice is on (or was last on); null before any. */
  questionId: string | null;
  /** The piece playing now, as [start, end) in the `text` last passed to `update` for that question; null between pieces. */
  spokenRange: readonly [number, number] | null;
}

/** A loaded Kokoro engine and how to name it in timings, e.g. "kokoro · wasm · 4 threads". */
export interface KokoroVoice {
  synthesizer: Pick<Synthesizer, 'synthesize'>;
  label: string;
}

/** What the speaker is built from. */
export interface QuestionSpeakerDeps {
  /** Plays Kokoro's audio; null where Web Audio is missing (Kokoro mode then uses the browser voice). */
  audio: AudioQueue | null;
  /** The fallback voice; null where speechSynthesis is missing. */
  browserVoice: BrowserVoice | null;
  settings: SpeechSettings;
  /** The Kokoro engine once loaded; change it later with `setKokoro`. */
  kokoro?: KokoroVoice | null;
  /** A question's timing: at its first audio, then again as pieces finish. Send it to the machine as SPEECH_MEASURED. */
  onTiming?: (timing: SpeechTiming) => void;
  /** Kokoro failed mid-question; the rest of that question is spoken by the browser voice. */
  onEngineError?: (error: unknown) => void;
  /** One trace per piece as it is scheduled, for benchmarks (see pipeline-overhead.ts). */
  onTrace?: (trace: PieceTrace) => void;
  /** Epoch milliseconds (Date.now). */
  now?: () => number;
}

/** How the browser voice is named in timings. */
export const BROWSER_VOICE_LABEL = 'browser voice';

/** How a loaded Kokoro engine is named in timings, e.g. "kokoro · wasm q8 · 4 threads". */
export function kokoroLabel(info: TtsBackendInfo): string {
  return `kokoro · ${info.device} ${info.dtype} · ${info.threads} ${info.threads === 1 ? 'thread' : 'threads'}`;
}

type PieceStatus = 'waiting' | 'synthesizing' | 'queued' | 'playing' | 'done' | 'dropped' | 'skipped';
type Sink = 'kokoro' | 'browser';

interface PieceRecord {
  /** Unique across the speaker: the id players report events with. */
  id: number;
  generation: number;
  piece: SpeechPiece;
  sink: Sink;
  status: PieceStatus;
  textAt: number;
  /** When the splitter handed the piece over (its text complete and known to be a piece). */
  releasedAt: number;
  engineFreeAt: number | null;
  synthesisStartAt: number | null;
  synthesisDoneAt: number | null;
  synthesisMs: number | null;
  audioMs: number | null;
  scheduledAt: number | null;
  startedAt: number | null;
}

interface Run {
  id: string;
  /** False for a replay: its timings are not the question's. */
  report: boolean;
  /** Bumped when the question's text restarts (a retried turn). */
  generation: number;
  splitter: PieceSplitter;
  /** The text last passed to `update`, which ranges are reported in. */
  display: string;
  /** From the splitter's text to `display`; null when `display` is another text altogether. */
  rangeMap: RangeMap | null;
  /** When the text reached each length, to date each piece's last character. */
  arrivals: { length: number; at: number }[];
  pieces: PieceRecord[];
  /** Pieces for the browser voice that wait for Kokoro's audio to run out. */
  backlog: PieceRecord[];
  /** Keys of pieces already spoken before a restart: matching new pieces are not spoken again. */
  skip: string[];
  /** Who speaks the next pieces; null when nothing can (Kokoro failed and there is no browser voice). */
  sink: Sink | null;
  kokoro: KokoroVoice | null;
  label: string;
  finished: boolean;
  ended: 'complete' | 'stopped' | 'replaced' | null;
  marks: QuestionMarks;
  firstAudioAt: number | null;
  lastReport: string;
}

const OPEN_STATUSES: ReadonlySet<PieceStatus> = new Set(['waiting', 'synthesizing', 'queued', 'playing']);
const HEARD_STATUSES: ReadonlySet<PieceStatus> = new Set(['queued', 'playing', 'done']);

/** Speaks the interview's questions as they stream in. One per interview screen; `dispose` when it goes. */
export class QuestionSpeaker {
  readonly #audio: AudioQueue | null;
  readonly #browser: BrowserVoice | null;
  readonly #onTiming: (timing: SpeechTiming) => void;
  readonly #onEngineError: (error: unknown) => void;
  readonly #onTrace: ((trace: PieceTrace) => void) | null;
  readonly #now: () => number;
  readonly #listeners = new Set<(state: SpeakerState) => void>();
  readonly #unsubscribe: (() => void)[] = [];
  #settings: SpeechSettings;
  #kokoro: KokoroVoice | null;
  #run: Run | null = null;
  #retired: { id: string; reason: 'stopped' | 'replaced'; spoken: string[] } | null = null;
  #latest: { question: CurrentQuestion; marks: QuestionMarks } | null = null;
  #playing: PieceRecord | null = null;
  #synthesizing = false;
  #engineFreeAt: number | null = null;
  #nextPieceId = 1;
  #browserUnlocked = false;
  #state: SpeakerState = { speaking: false, questionId: null, spokenRange: null };

  constructor(deps: QuestionSpeakerDeps) {
    this.#audio = deps.audio;
    this.#browser = deps.browserVoice;
    this.#settings = deps.settings;
    this.#kokoro = deps.kokoro ?? null;
    this.#onTiming = deps.onTiming ?? (() => undefined);
    this.#onEngineError = deps.onEngineError ?? (() => undefined);
    this.#onTrace = deps.onTrace ?? null;
    this.#now = deps.now ?? Date.now;
    if (this.#audio) this.#unsubscribe.push(this.#audio.subscribe((event) => this.#onPlayback(event)));
    if (this.#browser) this.#unsubscribe.push(this.#browser.subscribe((event) => this.#onPlayback(event)));
    this.#applyOutput();
  }

  /** The current state. */
  get state(): SpeakerState {
    return this.#state;
  }

  /** Calls `listener` with the state now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: SpeakerState) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#state);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Call on every interview snapshot with selectCurrentQuestion and selectQuestionMarks. A question seen streaming is
   * spoken as it grows; one first seen settled (a reload, a failed turn showing the previous question) is not: replay() speaks it.
   */
  update(question: CurrentQuestion | null, marks: QuestionMarks): void {
    this.#latest = question ? { question, marks } : null;
    const run = this.#run;
    if (run && question && run.id === question.id) {
      run.marks = marks;
      this.#feed(run, question);
    } else {
      if (run) this.#end(run, 'replaced');
      this.#run = null;
      const retired = this.#retired;
      if (question?.streaming && !(retired?.id === question.id && retired.reason === 'stopped')) {
        const created = this.#startRun(question.id, marks, true, retired?.id === question.id ? retired.spoken : []);
        if (created) this.#feed(created, question);
      }
    }
    this.#emitState();
  }

  /** Stops speaking at once (the candidate started answering); the question is not spoken again unless replayed. */
  stop(): void {
    const run = this.#run;
    if (run && run.ended === null) this.#end(run, 'stopped');
    this.#emitState();
  }

  /** The "skip" button: the same as stop(). */
  skip(): void {
    this.stop();
  }

  /** Speaks the last question again from its start (its timing is not reported again). */
  replay(): void {
    const latest = this.#latest;
    if (!latest) return;
    if (this.#run) this.#end(this.#run, 'stopped');
    this.#run = null;
    const run = this.#startRun(latest.question.id, latest.marks, false, []);
    if (run) this.#feed(run, latest.question);
    this.#emitState();
  }

  /** New settings: volume, mute and speed apply at once; 'off' stops; another mode applies from the next question. */
  setSettings(settings: SpeechSettings): void {
    const wasOff = this.#settings.mode === 'off';
    this.#settings = settings;
    this.#applyOutput();
    if (settings.mode === 'off' && !wasOff) this.stop();
  }

  /** The Kokoro engine once it is loaded (null while loading or after it failed); used from the next question. */
  setKokoro(kokoro: KokoroVoice | null): void {
    this.#kokoro = kokoro;
  }

  /** Call inside a user gesture (the Start tap, every answer submit): lets audio play on browsers that block it. */
  unlock(): Promise<void> {
    // Warning: both players must be primed synchronously, inside the gesture, before any await.
    const audio = this.#audio?.unlock();
    const browser = this.#browser && !this.#browserUnlocked ? this.#browser.unlock() : undefined;
    this.#browserUnlocked ||= this.#browser !== null;
    return Promise.all([audio, browser]).then(() => undefined);
  }

  /** Stops speaking and lets go of the players' events. */
  dispose(): void {
    this.stop();
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    this.#listeners.clear();
  }

  #applyOutput(): void {
    const { volume, muted, speed } = this.#settings;
    for (const player of [this.#audio, this.#browser]) {
      player?.setVolume(volume);
      player?.setMuted(muted);
    }
    this.#browser?.setSpeed(speed);
  }

  #startRun(id: string, marks: QuestionMarks, report: boolean, skip: string[]): Run | null {
    const mode = this.#settings.mode;
    let sink: Sink | null;
    switch (mode) {
      case 'off':
        return null;
      case 'kokoro':
        // While Kokoro loads (or where Web Audio is missing) the browser voice speaks instead of nobody.
        sink = this.#kokoro && this.#audio ? 'kokoro' : this.#browser ? 'browser' : null;
        break;
      case 'browser':
        sink = this.#browser ? 'browser' : null;
        break;
      default:
        return assertNever(mode);
    }
    if (sink === null) return null;
    const kokoro = sink === 'kokoro' ? this.#kokoro : null;
    const run: Run = {
      id,
      report,
      generation: 0,
      splitter: createPieceSplitter(),
      display: '',
      rangeMap: createRangeMap('', ''),
      arrivals: [],
      pieces: [],
      backlog: [],
      skip: [...skip],
      sink,
      kokoro,
      label: kokoro ? kokoro.label : BROWSER_VOICE_LABEL,
      finished: false,
      ended: null,
      marks,
      firstAudioAt: null,
      lastReport: '',
    };
    this.#run = run;
    return run;
  }

  #feed(run: Run, question: CurrentQuestion): void {
    if (run.ended !== null) return;
    const streamed = run.splitter.text;
    const text = question.text;
    if (question.streaming || !run.finished) {
      if (text.startsWith(streamed)) {
        if (text !== streamed) {
          run.arrivals.push({ length: text.length, at: this.#now() });
          run.finished = false;
        }
        run.display = text;
        run.rangeMap = createRangeMap(text, text);
        this.#accept(run, run.splitter.update(text).pieces);
      } else {
        // Committing a streamed question cleans it (markup, whitespace): the same words, not a restart.
        const cleaned = question.streaming ? null : createRangeMap(streamed, text);
        if (cleaned) {
          run.display = text;
          run.rangeMap = cleaned;
        } else {
          this.#restart(run, text);
        }
      }
      if (!question.streaming && !run.finished) {
        run.finished = true;
        this.#accept(run, run.splitter.finish());
      }
    } else if (text !== run.display) {
      run.display = text;
      run.rangeMap = createRangeMap(streamed, text);
    }
    this.#checkComplete(run);
  }

  /** The text started over (a retried turn): what has started playing goes on, the rest is dropped, nothing is said twice. */
  #restart(run: Run, text: string): void {
    const dropped = new Set([...(this.#audio?.dropUnstarted() ?? []), ...(this.#browser?.dropUnstarted() ?? [])]);
    const spoken: string[] = [];
    for (const record of run.pieces) {
      if (record.generation !== run.generation) continue;
      if (record.status === 'skipped' || (HEARD_STATUSES.has(record.status) && !dropped.has(record.id))) spoken.push(pieceKey(record.piece.text));
    }
    for (const record of run.pieces) {
      if (record.status === 'waiting' || record.status === 'synthesizing' || dropped.has(record.id)) record.status = 'dropped';
    }
    run.generation++;
    run.finished = false;
    run.skip = [...spoken, ...run.skip];
    run.backlog = [];
    run.arrivals = [{ length: text.length, at: this.#now() }];
    run.display = text;
    run.rangeMap = createRangeMap(text, text);
    this.#accept(run, run.splitter.update(text).pieces);
  }

  #accept(run: Run, pieces: readonly SpeechPiece[]): void {
    const now = this.#now();
    for (const piece of pieces) {
      const record: PieceRecord = {
        id: this.#nextPieceId++,
        generation: run.generation,
        piece,
        sink: run.sink ?? 'browser',
        status: run.sink === null ? 'dropped' : 'waiting',
        textAt: run.arrivals.find((arrival) => arrival.length >= piece.end)?.at ?? now,
        releasedAt: now,
        engineFreeAt: null,
        synthesisStartAt: null,
        synthesisDoneAt: null,
        synthesisMs: null,
        audioMs: null,
        scheduledAt: null,
        startedAt: null,
      };
      run.pieces.push(record);
      if (run.skip.length > 0 && run.skip[0] === pieceKey(piece.text)) {
        run.skip.shift();
        record.status = 'skipped';
        continue;
      }
      run.skip = [];
      if (record.status === 'waiting' && record.sink === 'browser') run.backlog.push(record);
    }
    this.#synthesizeNext();
    this.#flushBrowser(run);
  }

  /** Starts the next Kokoro synthesis; one at a time, so a skipped question wastes at most one piece of engine time. */
  #synthesizeNext(): void {
    const run = this.#run;
    if (this.#synthesizing || !run || run.ended !== null || !run.kokoro) return;
    const record = run.pieces.find((candidate) => candidate.status === 'waiting' && candidate.sink === 'kokoro');
    if (!record) return;
    record.status = 'synthesizing';
    record.synthesisStartAt = this.#now();
    record.engineFreeAt = this.#engineFreeAt;
    this.#synthesizing = true;
    const { voice, speed } = this.#settings;
    let result: Promise<SynthesizedPiece>;
    try {
      result = run.kokoro.synthesizer.synthesize(record.piece.text, voice, speed);
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (piece) => {
        this.#synthesizing = false;
        this.#engineFreeAt = this.#now();
        this.#onSynthesized(run, record, piece);
        this.#synthesizeNext();
      },
      (error: unknown) => {
        this.#synthesizing = false;
        this.#engineFreeAt = this.#now();
        this.#onSynthesisFailed(run, record, error);
        this.#synthesizeNext();
      },
    );
  }

  #onSynthesized(run: Run, record: PieceRecord, piece: SynthesizedPiece): void {
    record.synthesisDoneAt = this.#now();
    record.synthesisMs = piece.synthesisMs;
    record.audioMs = (piece.audio.length / piece.sampleRate) * 1000;
    if (run !== this.#run || run.ended !== null || record.status !== 'synthesizing' || !this.#audio) return;
    const previous = run.pieces.filter((other) => other.scheduledAt !== null && other.audioMs !== null && HEARD_STATUSES.has(other.status)).at(-1);
    const scheduled = this.#audio.enqueue(record.id, piece.audio, piece.sampleRate);
    record.status = 'queued';
    record.scheduledAt = scheduled.at;
    this.#trace(run, record, previous ? (previous.scheduledAt ?? 0) + (previous.audioMs ?? 0) : null);
  }

  #onSynthesisFailed(run: Run, record: PieceRecord, error: unknown): void {
    if (run !== this.#run || run.ended !== null || record.status !== 'synthesizing') return;
    this.#onEngineError(error);
    const rest = run.pieces.filter((other) => other.sink === 'kokoro' && (other.status === 'waiting' || other.status === 'synthesizing'));
    if (this.#browser) {
      run.sink = 'browser';
      run.label = `${run.label} → ${BROWSER_VOICE_LABEL}`;
      for (const other of rest) {
        other.sink = 'browser';
        other.status = 'waiting';
      }
      run.backlog = [...run.backlog, ...rest];
      this.#flushBrowser(run);
    } else {
      run.sink = null;
      for (const other of rest) other.status = 'dropped';
      this.#checkComplete(run);
    }
    this.#emitState();
    this.#report(run);
  }

  /** Hands the backlog to the browser voice once Kokoro's queued audio has played (never both at once). */
  #flushBrowser(run: Run): void {
    if (!this.#browser || run.ended !== null || run.backlog.length === 0 || this.#audio?.busy) return;
    const backlog = run.backlog;
    run.backlog = [];
    for (const record of backlog) {
      if (record.status !== 'waiting') continue;
      record.status = 'queued';
      this.#browser.enqueue(record.id, record.piece.text);
    }
  }

  #onPlayback(event: PlaybackEvent): void {
    const run = this.#run;
    if (!run || run.ended !== null) return;
    switch (event.type) {
      case 'start': {
        const record = run.pieces.find((candidate) => candidate.id === event.pieceId);
        if (!record || !HEARD_STATUSES.has(record.status)) return;
        record.status = 'playing';
        record.startedAt = event.at;
        this.#playing = record;
        run.firstAudioAt ??= event.at;
        if (record.sink === 'browser') {
          record.scheduledAt = event.at;
          record.synthesisMs = 0;
          const previous = run.pieces.filter((other) => other !== record && other.startedAt !== null).at(-1);
          this.#trace(run, record, previous ? (previous.startedAt ?? 0) + (previous.audioMs ?? 0) : null);
        }
        this.#emitState();
        this.#report(run);
        return;
      }
      case 'end': {
        const record = run.pieces.find((candidate) => candidate.id === event.pieceId);
        if (!record || !HEARD_STATUSES.has(record.status)) return;
        if (record.sink === 'browser' && record.startedAt !== null) record.audioMs = Math.max(0, this.#now() - record.startedAt);
        record.status = 'done';
        if (this.#playing === record) this.#playing = null;
        this.#flushBrowser(run);
        this.#checkComplete(run);
        this.#emitState();
        this.#report(run);
        return;
      }
      case 'idle':
        this.#flushBrowser(run);
        this.#checkComplete(run);
        this.#emitState();
        return;
      default:
        assertNever(event);
    }
  }

  #checkComplete(run: Run): void {
    if (run.ended !== null || !run.finished || run.backlog.length > 0) return;
    if (run.pieces.some((record) => OPEN_STATUSES.has(record.status))) return;
    run.ended = 'complete';
    this.#playing = null;
    this.#report(run);
  }

  /** Ends a run now: stops the players, keeps what was heard for the timing, remembers what was said for a retry. */
  #end(run: Run, reason: 'stopped' | 'replaced'): void {
    const spoken = run.pieces.filter((record) => record.generation === run.generation && (record.status === 'done' || record.status === 'skipped')).map((record) => pieceKey(record.piece.text));
    if (run.ended === null) {
      this.#audio?.stop();
      this.#browser?.stop();
      const now = this.#now();
      for (const record of run.pieces) {
        if (record.status === 'playing') {
          if (record.sink === 'browser' && record.startedAt !== null) record.audioMs = Math.max(0, now - record.startedAt);
          record.status = 'done';
        } else if (OPEN_STATUSES.has(record.status)) {
          record.status = 'dropped';
        }
      }
      run.backlog = [];
      run.ended = reason;
      this.#report(run);
    }
    this.#playing = null;
    this.#retired = { id: run.id, reason: run.ended === 'replaced' ? 'replaced' : 'stopped', spoken: [...spoken, ...run.skip] };
  }

  #report(run: Run): void {
    if (!run.report || run.firstAudioAt === null) return;
    const pieces: SpeechPieceTiming[] = run.pieces
      .filter((record) => HEARD_STATUSES.has(record.status) && record.audioMs !== null && record.synthesisMs !== null)
      .map((record) => ({ chars: record.piece.text.length, audioMs: Math.round(record.audioMs ?? 0), synthesisMs: Math.round(record.synthesisMs ?? 0) }));
    const firstHeard = run.pieces.find((record) => record.generation === run.generation && HEARD_STATUSES.has(record.status));
    const timing: SpeechTiming = {
      questionId: run.id,
      engine: run.label,
      answerSubmittedAt: run.marks.answerSubmittedAt,
      firstTokenAt: run.marks.firstTokenAt,
      firstAudioAt: Math.round(run.firstAudioAt),
      firstPieceAt: firstHeard ? Math.round(firstHeard.releasedAt) : null,
      pieces,
    };
    const key = JSON.stringify(timing);
    if (key === run.lastReport) return;
    run.lastReport = key;
    this.#onTiming(timing);
  }

  #trace(run: Run, record: PieceRecord, previousEndAt: number | null): void {
    if (!this.#onTrace || !run.report) return;
    this.#onTrace({
      questionId: run.id,
      index: record.piece.index,
      chars: record.piece.text.length,
      engine: record.sink,
      textAt: record.textAt,
      synthesisStartAt: record.synthesisStartAt,
      synthesisDoneAt: record.synthesisDoneAt,
      synthesisMs: record.synthesisMs ?? 0,
      scheduledAt: record.scheduledAt ?? 0,
      previousEndAt,
      engineFreeAt: record.engineFreeAt,
      audioMs: record.audioMs ?? 0,
    });
  }

  #emitState(): void {
    const run = this.#run;
    const speaking = run !== null && run.ended === null && run.pieces.some((record) => record.status !== 'skipped' && record.status !== 'dropped');
    const playing = this.#playing;
    const range = speaking && run && playing && playing.generation === run.generation ? (run.rangeMap?.map(playing.piece.start, playing.piece.end) ?? null) : null;
    const next: SpeakerState = { speaking, questionId: run?.id ?? null, spokenRange: range };
    const previous = this.#state;
    if (previous.speaking === next.speaking && previous.questionId === next.questionId && previous.spokenRange?.[0] === next.spokenRange?.[0] && previous.spokenRange?.[1] === next.spokenRange?.[1]) return;
    this.#state = next;
    for (const listener of [...this.#listeners]) listener(next);
  }
}
