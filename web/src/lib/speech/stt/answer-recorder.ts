// One spoken answer, from VAD frames to text in the answer box: segments cut at pauses, each kept in storage and
// transcribed once under a stable clip id by the engine (retried with backoff; a retry, even after a reload, resumes the same job on the
// server), the server's phase while a job waits (a cold start), partial transcripts of the open segment within the upload budget, the
// open segment's final sent early at a pause (so Done seldom waits for RunPod), texts landed in order, and the answer's listening
// timings. No browser audio here: the glue feeds it frames.
//
// Lifecycle: start() → pushFrame()… → finish() → (texts land) → idle; recover() picks up what a reload left;
// dispose() stops without losing anything (stored segments stay for the next recover()).
import { canAfford, partialDue, type UploadLedger, type UploadPolicy } from './budget.ts';
import type { ServerPhase, SpeechClip, SpeechToTextEngine } from './engine.ts';
import { FRAME_MS } from './framer.ts';
import type { ListeningTiming } from './listening-timing.ts';
import { createPauseTracker, type PauseTracker } from './pause-tracker.ts';
import { floatToPcm16, SPEECH_SAMPLE_RATE } from './resample.ts';
import { retryDelayMs, type RetryPolicy } from './retry.ts';
import { parseRetryAfterMs } from '../../common/index.ts';
import type { SegmentStore, StoredSegment } from '../../storage/index.ts';
import { createSegmenter, DEFAULT_SEGMENTER_OPTIONS, msToFrames, type Segmenter, type SegmenterEvent, type SegmenterOptions } from './segmenter.ts';
import { assertNever } from '../../common/index.ts';

/** What the recorder is doing. */
export type RecorderPhase = 'idle' | 'recording' | 'finishing';

/** What the controls show. */
export interface RecorderState {
  phase: RecorderPhase;
  /** Text heard but not yet in the answer box: finals waiting for an earlier segment, then partials. */
  pending: string;
  /** Whether a segment waits to be tried again after a failure. */
  retrying: boolean;
  /** Why a segment could not be transcribed after every try; null while none failed. */
  failure: string | null;
  /** Whether anything of the answer has not landed yet (or is still being recorded). */
  busy: boolean;
  /** Whether the candidate is speaking now. */
  speaking: boolean;
  /** Seconds left before auto-finish while the silence counts down; null otherwise. */
  autoFinishIn: number | null;
  /** Why the server keeps a clip waiting: its transcription server is starting up, or busy; null otherwise. */
  serverWait: 'starting' | 'queued' | null;
}

/** The recorder's surroundings. */
export interface RecorderDeps {
  /** Turns each clip into text, with its own policy (in-flight limit, partials, retries). */
  engine: SpeechToTextEngine;
  store: SegmentStore;
  /** The answer box's text: the start of the engine's prompt. */
  context: () => string;
  /** Appends one segment's text to the answer box; called in the order spoken. */
  land: (text: string) => void;
  /** Every change of state. */
  onChange?: (state: RecorderState) => void;
  /** A take (start → finish, or a recovery) has fully landed. */
  onTake?: (timing: ListeningTiming) => void;
  /** The chosen silence has passed: the glue stops the microphone and calls finish(). */
  onAutoFinish?: () => void;
  now?: () => number;
  /** A new clip id (default: a random UUID). */
  newClipId?: () => string;
}

/** One answer's settings. */
export interface RecorderOptions {
  interviewId: string;
  questionId: string;
  language: string | null;
  autoFinishSeconds: number | null;
  segmenter?: Partial<SegmenterOptions>;
  /** Overrides the engine's partial schedule and upload budget. */
  policy?: UploadPolicy;
  /** Overrides the engine's tries. */
  retry?: RetryPolicy;
  /** Overrides the engine's finals at once after "Done"; 1 while recording. */
  maxInFlight?: number;
  /** How often the open segment's audio is written to storage, in milliseconds of audio. */
  persistEveryMs?: number;
}

type SegmentState = 'open' | 'queued' | 'sending' | 'waiting' | 'failed' | 'done';

interface Segment {
  index: number;
  /** The name every try of this segment's final is sent under (kept with the stored audio). */
  clipId: string;
  state: SegmentState;
  pcm: Int16Array | null;
  seconds: number;
  voicedSeconds: number;
  text: string | null;
  partial: string;
  attempts: number;
  error: string | null;
  /** Whether the final was uploaded at least once (it is then no longer owed to the budget). */
  sent: boolean;
  take: Take;
  /** Storage writes of this segment, in order. */
  writes: Promise<void>;
}

/** The open segment's final, sent at a pause before the segment closed. */
interface EarlyFinal {
  index: number;
  /** Its frames [start, end): the segment's speech up to `speechEnd` and the silence after it so far. */
  start: number;
  end: number;
  speechEnd: number;
  pcm: Int16Array;
  clipId: string;
  controller: AbortController;
  text: Promise<string>;
  /** Whether the segment is split where this clip ends if the candidate speaks on (the budget has no room for a partial). */
  splitIfResumed: boolean;
}

interface Take {
  segmenter: Segmenter | null;
  audio: FrameAudio;
  openIndex: number | null;
  /** Wall-clock time of frame 0 (epoch ms). */
  startedAt: number;
  voicedClosed: number;
  sentSeconds: number;
  lastPartialAt: number;
  lastPartialSeconds: number;
  partial: AbortController | null;
  early: EarlyFinal | null;
  persistedFrames: number;
  speechEndAt: number | null;
  /** Speech onset and pauses, for delivery feedback. */
  rhythm: PauseTracker;
  /** What earlier takes of the same answer measured, when this take carried them on. */
  earlier: { speechStartAt: number | null; pauses: number[] };
  finished: boolean;
  autoFinishAsked: boolean;
  /** Finish at the end of the sentence being spoken (the next pause), whatever the auto-finish setting. */
  finishAtPause: boolean;
}

/** Orchestrates one question's spoken answer (any number of takes). */
export class AnswerRecorder {
  readonly #deps: RecorderDeps;
  readonly #options: RecorderOptions;
  readonly #segmenterOptions: SegmenterOptions;
  readonly #policy: UploadPolicy;
  readonly #retry: RetryPolicy;
  readonly #now: () => number;
  readonly #newClipId: () => string;
  readonly #segments = new Map<number, Segment>();
  readonly #controllers = new Set<AbortController>();
  /** The server's phase for each request it answered "still pending". */
  readonly #waits = new Map<AbortController, ServerPhase>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #phase: RecorderPhase = 'idle';
  #take: Take | null = null;
  #nextIndex = 0;
  #inFlight = 0;
  #disposed = false;
  #lastState = '';
  #removals: Promise<void> = Promise.resolve();

  constructor(options: RecorderOptions, deps: RecorderDeps) {
    this.#options = options;
    this.#deps = deps;
    this.#segmenterOptions = { ...DEFAULT_SEGMENTER_OPTIONS, ...options.segmenter };
    this.#policy = options.policy ?? deps.engine.policy.partials;
    this.#retry = options.retry ?? deps.engine.policy.retry;
    this.#now = deps.now ?? Date.now;
    this.#newClipId = deps.newClipId ?? (() => crypto.randomUUID());
  }

  /** The state the controls show. */
  get state(): RecorderState {
    const take = this.#take;
    const segmenter = take?.segmenter;
    const failed = [...this.#segments.values()].find((segment) => segment.state === 'failed');
    let autoFinishIn: number | null = null;
    const lastSpeech = segmenter?.lastSpeechEnd();
    if (this.#phase === 'recording' && this.#options.autoFinishSeconds !== null && segmenter && lastSpeech != null && !segmenter.open()) {
      const silence = ((segmenter.frames() - lastSpeech) * FRAME_MS) / 1000;
      if (silence >= 1) autoFinishIn = Math.max(0, Math.ceil(this.#options.autoFinishSeconds - silence));
    }
    return {
      phase: this.#phase,
      pending: this.#pendingText(),
      retrying: [...this.#segments.values()].some((segment) => segment.state === 'waiting'),
      failure: failed?.error ?? null,
      busy: this.#phase !== 'idle' || this.#segments.size > 0,
      speaking: Boolean(segmenter && lastSpeech === segmenter.frames()),
      autoFinishIn,
      serverWait: this.#serverWait(),
    };
  }

  /**
   * Starts a take; frames pushed from now on are numbered from 0, the first at `startedAt` (epoch ms).
   * A take started while the previous one still waits for text carries its figures on (one timing per answer).
   */
  start(startedAt: number = this.#now()): void {
    if (this.#disposed || this.#phase === 'recording') return;
    const previous = this.#phase === 'finishing' ? this.#take : null;
    const take = newTake(createSegmenter(this.#segmenterOptions), startedAt);
    if (previous) {
      take.voicedClosed += previous.voicedClosed;
      take.sentSeconds += previous.sentSeconds;
      take.earlier = rhythmOf(previous);
      for (const segment of this.#segments.values()) if (segment.take === previous) segment.take = take;
    }
    this.#take = take;
    this.#phase = 'recording';
    this.#emit();
  }

  /** Feeds one 512-sample 16 kHz frame and the VAD's speech probability for it. */
  pushFrame(frame: Float32Array, probability: number): void {
    const take = this.#take;
    if (this.#phase !== 'recording' || !take?.segmenter) return;
    take.audio.push(floatToPcm16(frame));
    for (const event of take.segmenter.push(probability)) this.#handle(take, event);
    this.#followEarlyFinal(take);
    const index = take.segmenter.frames() - 1;
    take.rhythm.push(index, take.segmenter.lastSpeechEnd() === index + 1);
    const open = take.segmenter.open();
    // Keep what the open segment and the next segment's pre-roll may still need.
    take.audio.dropBefore(Math.min(open?.start ?? Infinity, take.segmenter.frames() - 2 * msToFrames(this.#segmenterOptions.preRollMs)));
    this.#persistOpen(take);
    this.#maybeEarlyFinal(take);
    this.#maybePartial(take);
    this.#maybeAutoFinish(take);
    this.#emit();
  }

  /**
   * Whether the audio finish() would send is already all here: no segment is open, or the open one has been followed
   * by its post-roll of silence, so frames still on their way could only start new speech. Then "Done" need not wait
   * for the capture's last frames.
   */
  get tailComplete(): boolean {
    const segmenter = this.#take?.segmenter;
    if (this.#phase !== 'recording' || !segmenter) return false;
    const open = segmenter.open();
    return open === null || open.end < open.capturedEnd;
  }

  /** Ends the take: the open tail is sent now; the take completes once every text has landed. */
  finish(): void {
    const take = this.#take;
    if (this.#phase !== 'recording' || !take?.segmenter) return;
    for (const event of take.segmenter.finish()) this.#handle(take, event);
    take.partial?.abort();
    const lastSpeech = take.segmenter.lastSpeechEnd();
    take.speechEndAt = lastSpeech === null ? null : Math.round(take.startedAt + lastSpeech * FRAME_MS);
    take.finished = true;
    take.audio.dropBefore(Infinity);
    this.#phase = 'finishing';
    this.#pump();
    this.#landReady();
    this.#emit();
  }

  /**
   * Asks for the take to end once the candidate pauses: at once when no speech is going on, else when the segment
   * being spoken closes (onAutoFinish is called either way).
   */
  finishAtPause(): void {
    const take = this.#take;
    if (this.#phase !== 'recording' || !take?.segmenter || take.autoFinishAsked) return;
    take.finishAtPause = true;
    if (!take.segmenter.open()) this.#askToFinish(take);
  }

  /** Picks up the segments a reload left for this question (their text is landed, their audio transcribed). */
  async recover(): Promise<boolean> {
    const { interviewId, questionId } = this.#options;
    await this.#deps.store.removeOthers(interviewId, questionId).catch(() => undefined);
    const records = await this.#deps.store.list(interviewId, questionId);
    if (this.#disposed || this.#phase !== 'idle' || records.length === 0) return false;
    const take = newTake(null, this.#now());
    take.finished = true;
    this.#take = take;
    for (const record of records) {
      if (record.state !== 'done' && !record.pcm) continue;
      const segment = newSegment(record.index, take, record.clipId ?? this.#newClipId());
      segment.state = record.state === 'done' ? 'done' : 'queued';
      segment.text = record.text;
      segment.pcm = record.pcm ? new Int16Array(record.pcm) : null;
      segment.seconds = record.seconds;
      segment.voicedSeconds = record.voicedSeconds;
      take.voicedClosed += record.voicedSeconds;
      this.#segments.set(record.index, segment);
      this.#nextIndex = Math.max(this.#nextIndex, record.index + 1);
    }
    if (this.#segments.size === 0) return false;
    this.#phase = 'finishing';
    this.#pump();
    this.#landReady();
    this.#emit();
    return true;
  }

  /** Tries the failed segments again, from the first try's backoff. */
  retry(): void {
    for (const segment of this.#segments.values()) {
      if (segment.state !== 'failed') continue;
      segment.state = 'queued';
      segment.attempts = 0;
      segment.error = null;
    }
    this.#pump();
    this.#emit();
  }

  /** Gives up on the failed segments (the candidate types that part); their audio is deleted. */
  skipFailed(): void {
    for (const segment of [...this.#segments.values()]) {
      if (segment.state !== 'failed') continue;
      this.#segments.delete(segment.index);
      this.#remove(segment);
    }
    this.#landReady();
    this.#emit();
  }

  /** Stops everything in flight; the open segment is stored, so a later recover() still sends it. */
  dispose(): void {
    if (this.#disposed) return;
    const take = this.#take;
    if (this.#phase === 'recording' && take?.segmenter) {
      for (const event of take.segmenter.finish()) this.#handle(take, event, false);
    }
    this.#disposed = true;
    for (const controller of this.#controllers) controller.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    this.#phase = 'idle';
  }

  /** Stores the open segment as it stands now (best effort when the page is closing). */
  persistNow(): void {
    const take = this.#take;
    if (this.#phase === 'recording' && take) this.#persistOpen(take, true);
  }

  /** Resolves once every storage write so far has settled (tests, and before a page may close). */
  async settled(): Promise<void> {
    await Promise.all([...this.#segments.values()].map((segment) => segment.writes));
    await this.#removals;
  }

  #handle(take: Take, event: SegmenterEvent, send = true): void {
    switch (event.type) {
      case 'open': {
        const segment = newSegment(this.#nextIndex++, take, this.#newClipId());
        segment.state = 'open';
        this.#segments.set(segment.index, segment);
        take.openIndex = segment.index;
        take.lastPartialSeconds = 0;
        take.persistedFrames = event.start;
        return;
      }
      case 'close': {
        const segment = take.openIndex === null ? undefined : this.#segments.get(take.openIndex);
        take.openIndex = null;
        if (!segment) return;
        const early = send ? this.#adoptEarlyFinal(take, segment, event) : null;
        segment.pcm = early?.pcm ?? take.audio.slice(event.start, event.end);
        segment.seconds = segment.pcm.length / SPEECH_SAMPLE_RATE;
        segment.voicedSeconds = ((event.speechEnd - event.speechStart) * FRAME_MS) / 1000;
        segment.state = 'queued';
        take.voicedClosed += segment.voicedSeconds;
        this.#write(segment);
        if (early) void this.#send(segment, early);
        if (send) this.#pump();
        if (take.finishAtPause) this.#askToFinish(take);
        return;
      }
      case 'discard': {
        const segment = take.openIndex === null ? undefined : this.#segments.get(take.openIndex);
        take.openIndex = null;
        if (!segment) return;
        this.#segments.delete(segment.index);
        this.#remove(segment);
        this.#landReady();
        return;
      }
      default:
        return assertNever(event, 'segmenter event');
    }
  }

  // Sends queued finals, lowest index first: one at a time while recording, so each carries the text before it
  // as its prompt; after "Done", up to maxInFlight, so the tail never waits behind a slow segment.
  #pump(): void {
    if (this.#disposed) return;
    const limit = this.#phase === 'recording' ? 1 : (this.#options.maxInFlight ?? this.#deps.engine.policy.maxInFlight);
    for (const segment of [...this.#segments.values()].sort((a, b) => a.index - b.index)) {
      if (this.#inFlight >= limit) return;
      if (segment.state === 'queued') void this.#send(segment);
    }
  }

  /** Sends the segment's final; `early`: its first try, already under way since a pause. */
  async #send(segment: Segment, early?: EarlyFinal): Promise<void> {
    const pcm = segment.pcm;
    if (!pcm) return;
    segment.state = 'sending';
    segment.attempts++;
    this.#inFlight++;
    const controller = early?.controller ?? new AbortController();
    this.#controllers.add(controller);
    if (!early) segment.take.sentSeconds += segment.seconds;
    segment.sent = true;
    this.#emit();
    try {
      const text = await (early?.text ?? this.#transcribe(segment.index, pcm, segment.clipId, controller));
      if (this.#disposed) return;
      segment.state = 'done';
      segment.text = text;
      segment.pcm = null;
      this.#write(segment);
      this.#landReady();
    } catch (error) {
      if (this.#disposed || controller.signal.aborted) return;
      if (this.#deps.engine.isRetryable(error) && segment.attempts < this.#retry.maxAttempts) {
        segment.state = 'waiting';
        const retryAfter = parseRetryAfterMs((error as { headers?: Headers } | null)?.headers?.get?.('retry-after'), this.#now());
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          if (segment.state !== 'waiting') return;
          segment.state = 'queued';
          this.#pump();
          this.#emit();
        }, retryDelayMs(segment.attempts, this.#retry, retryAfter));
        this.#timers.add(timer);
      } else {
        segment.state = 'failed';
        segment.error = this.#deps.engine.describeError(error);
      }
    } finally {
      this.#controllers.delete(controller);
      this.#waits.delete(controller);
      this.#inFlight--;
      this.#pump();
      this.#emit();
    }
  }

  // Early in a pause, sends the open segment as it stands: its final, if the pause ends the segment (or the answer).
  // Only when every earlier text is in, so its prompt is whole.
  #maybeEarlyFinal(take: Take): void {
    const open = take.segmenter?.open();
    const index = take.openIndex;
    const afterMs = this.#policy.earlyFinalAfterMs;
    if (afterMs === null || !open || index === null || take.early || this.#inFlight > 0) return;
    const end = open.speechEnd + msToFrames(afterMs);
    if (open.capturedEnd < end || open.speechEnd - open.start < msToFrames(this.#segmenterOptions.minSegmentMs)) return;
    if (open.speechFrames < msToFrames(this.#segmenterOptions.minSpeechMs)) return;
    if ([...this.#segments.values()].some((segment) => segment.index < index && segment.state !== 'done')) return;
    take.partial?.abort();
    const pcm = take.audio.slice(open.start, end);
    const seconds = pcm.length / SPEECH_SAMPLE_RATE;
    const splitIfResumed = !canAfford(this.#ledger(take, seconds, open.speechEnd - open.speechStart), seconds, this.#policy);
    const controller = new AbortController();
    this.#controllers.add(controller);
    const clipId = this.#newClipId();
    const text = this.#transcribe(index, pcm, clipId, controller);
    // Whoever takes it over (the final, or a partial) reads the outcome; until then a failure is not unhandled.
    text.catch(() => undefined);
    take.early = { index, start: open.start, end, speechEnd: open.speechEnd, pcm, clipId, controller, text, splitIfResumed };
    take.sentSeconds += seconds;
    take.lastPartialAt = this.#now();
    take.lastPartialSeconds = seconds;
  }

  // The candidate spoke on after an early final: the segment is split where that clip ended, or the clip becomes a partial.
  #followEarlyFinal(take: Take): void {
    const early = take.early;
    const open = take.segmenter?.open();
    if (!early || !open || take.openIndex !== early.index || open.speechEnd === early.speechEnd) return;
    if (early.splitIfResumed) {
      const events = take.segmenter?.split(early.end) ?? [];
      for (const event of events) this.#handle(take, event);
      if (events.length > 0) return;
    }
    take.early = null;
    this.#asPartial(take, early.index, early.controller, early.text);
  }

  // The segment closed with no speech after the early final's clip: that clip is its final, already on its way.
  #adoptEarlyFinal(take: Take, segment: Segment, bounds: { start: number; speechEnd: number }): EarlyFinal | null {
    const early = take.early;
    if (!early || early.index !== segment.index) return null;
    take.early = null;
    if (early.start !== bounds.start || early.speechEnd !== bounds.speechEnd) {
      this.#asPartial(take, early.index, early.controller, early.text);
      return null;
    }
    segment.clipId = early.clipId;
    return early;
  }

  #maybePartial(take: Take): void {
    const open = take.segmenter?.open();
    if (!open || take.openIndex === null || take.partial || take.early) return;
    const openSeconds = ((open.end - open.start) * FRAME_MS) / 1000;
    const candidate = { openSeconds, lastPartialSeconds: take.lastPartialSeconds, sinceLastPartialMs: this.#now() - take.lastPartialAt, busy: this.#inFlight > 0 };
    if (!partialDue(candidate, this.#ledger(take, openSeconds, open.speechEnd - open.speechStart), this.#policy)) return;
    const index = take.openIndex;
    const pcm = take.audio.slice(open.start, open.end);
    const controller = new AbortController();
    this.#controllers.add(controller);
    take.lastPartialAt = this.#now();
    take.lastPartialSeconds = openSeconds;
    take.sentSeconds += pcm.length / SPEECH_SAMPLE_RATE;
    // A partial is its own clip: a later partial or the final never resumes it.
    this.#asPartial(take, index, controller, this.#transcribe(index, pcm, this.#newClipId(), controller));
  }

  /** Asks the engine for the text of segment `index`'s audio `pcm` under `clipId`, with the words before it as prompt. */
  #transcribe(index: number, pcm: Int16Array, clipId: string, controller: AbortController): Promise<string> {
    const clip: SpeechClip = { pcm, language: this.#options.language, prompt: this.#promptBefore(index), clipId };
    return this.#deps.engine.transcribe(clip, controller.signal, (phase) => this.#noteWait(controller, phase));
  }

  // Shows a clip's text as the segment's preview when it comes (unless the segment's final came first).
  #asPartial(take: Take, index: number, controller: AbortController, text: Promise<string>): void {
    take.partial = controller;
    text
      .then((words) => {
        const segment = this.#segments.get(index);
        if (segment && segment.state !== 'done') segment.partial = words;
      })
      // A partial is a preview: when it fails, the segment's final still comes.
      .catch(() => undefined)
      .finally(() => {
        this.#controllers.delete(controller);
        this.#waits.delete(controller);
        if (take.partial === controller) take.partial = null;
        this.#emit();
      });
  }

  #noteWait(controller: AbortController, phase: ServerPhase): void {
    this.#waits.set(controller, phase);
    this.#emit();
  }

  #serverWait(): RecorderState['serverWait'] {
    const phases = [...this.#waits.values()];
    if (phases.includes('starting')) return 'starting';
    return phases.includes('queued') ? 'queued' : null;
  }

  #ledger(take: Take, openSeconds: number, openSpeechFrames: number): UploadLedger {
    let owed = openSeconds;
    for (const segment of this.#segments.values()) if (segment.take === take && !segment.sent && segment.state !== 'open') owed += segment.seconds;
    return { voicedSeconds: take.voicedClosed + (openSpeechFrames * FRAME_MS) / 1000, sentSeconds: take.sentSeconds, owedSeconds: owed };
  }

  #persistOpen(take: Take, now = false): void {
    const open = take.segmenter?.open();
    if (!open || take.openIndex === null) return;
    if (!now && open.capturedEnd - take.persistedFrames < msToFrames(this.#options.persistEveryMs ?? 1000)) return;
    const segment = this.#segments.get(take.openIndex);
    if (!segment) return;
    take.persistedFrames = open.capturedEnd;
    segment.pcm = take.audio.slice(open.start, open.capturedEnd);
    segment.seconds = segment.pcm.length / SPEECH_SAMPLE_RATE;
    segment.voicedSeconds = ((open.speechEnd - open.speechStart) * FRAME_MS) / 1000;
    this.#write(segment);
  }

  #maybeAutoFinish(take: Take): void {
    const seconds = this.#options.autoFinishSeconds;
    const segmenter = take.segmenter;
    const lastSpeech = segmenter?.lastSpeechEnd();
    if (seconds === null || !segmenter || lastSpeech == null || segmenter.open() || take.autoFinishAsked) return;
    // Warning: only after the candidate has said something, and only after the silence they chose.
    if (((segmenter.frames() - lastSpeech) * FRAME_MS) / 1000 < seconds) return;
    this.#askToFinish(take);
  }

  #askToFinish(take: Take): void {
    if (take.autoFinishAsked) return;
    take.autoFinishAsked = true;
    this.#deps.onAutoFinish?.();
  }

  // Lands finished texts in order; a segment not yet done holds back everything after it.
  #landReady(): void {
    for (const segment of [...this.#segments.values()].sort((a, b) => a.index - b.index)) {
      if (segment.state !== 'done') break;
      if (segment.text) this.#deps.land(segment.text);
      this.#segments.delete(segment.index);
      this.#remove(segment);
    }
    const take = this.#take;
    if (this.#phase === 'finishing' && take?.finished && this.#segments.size === 0) {
      this.#phase = 'idle';
      this.#take = null;
      const spoken = take.voicedClosed;
      const rhythm = rhythmOf(take);
      this.#deps.onTake?.({
        speechEndAt: take.speechEndAt,
        transcriptReadyAt: this.#now(),
        spokenSeconds: round2(spoken),
        audioSecondsSent: round2(take.sentSeconds),
        speechStartAt: rhythm.speechStartAt,
        pauses: rhythm.pauses,
      });
    }
  }

  #promptBefore(index: number): string {
    const earlier = [...this.#segments.values()]
      .filter((segment) => segment.index < index && segment.state === 'done' && segment.text)
      .sort((a, b) => a.index - b.index)
      .map((segment) => segment.text);
    return [this.#deps.context(), ...earlier].join(' ').replace(/\s+/g, ' ').trim();
  }

  #pendingText(): string {
    return [...this.#segments.values()]
      .sort((a, b) => a.index - b.index)
      .map((segment) => (segment.state === 'done' ? (segment.text ?? '') : segment.partial))
      .filter((text) => text !== '')
      .join(' ');
  }

  #write(segment: Segment): void {
    const record: StoredSegment = {
      interviewId: this.#options.interviewId,
      questionId: this.#options.questionId,
      index: segment.index,
      clipId: segment.clipId,
      state: segment.state === 'done' ? 'done' : segment.state === 'open' ? 'open' : 'pending',
      // A copy: the stored buffer must not be the one the recorder keeps using.
      pcm: segment.pcm ? segment.pcm.slice().buffer : null,
      seconds: segment.seconds,
      voicedSeconds: segment.voicedSeconds,
      text: segment.text,
      updatedAt: this.#now(),
    };
    // Warning: a failed write is not fatal (the answer goes on in memory), but it must not break the chain.
    segment.writes = segment.writes.then(() => this.#deps.store.put(record)).catch(() => undefined);
  }

  #remove(segment: Segment): void {
    const { interviewId, questionId } = this.#options;
    const removal = segment.writes.then(() => this.#deps.store.remove(interviewId, questionId, segment.index)).catch(() => undefined);
    this.#removals = Promise.all([this.#removals, removal]).then(() => undefined);
  }

  #emit(): void {
    if (!this.#deps.onChange) return;
    const state = this.state;
    const key = JSON.stringify(state);
    if (key === this.#lastState) return;
    this.#lastState = key;
    this.#deps.onChange(state);
  }
}

/** The 16-bit frames of one take, from a moving start (older frames are dropped once no segment needs them). */
class FrameAudio {
  #frames: Int16Array[] = [];
  #base = 0;

  push(frame: Int16Array): void {
    this.#frames.push(frame);
  }

  /** Frames [start, end) joined; frames already dropped are left out. */
  slice(start: number, end: number): Int16Array {
    const from = Math.max(0, start - this.#base);
    const to = Math.max(from, Math.min(this.#frames.length, end - this.#base));
    const parts = this.#frames.slice(from, to);
    const output = new Int16Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      output.set(part, offset);
      offset += part.length;
    }
    return output;
  }

  dropBefore(frame: number): void {
    const count = Math.min(this.#frames.length, Math.max(0, frame - this.#base));
    if (count === 0) return;
    this.#frames.splice(0, count);
    this.#base += count;
  }
}

function newTake(segmenter: Segmenter | null, startedAt: number): Take {
  return {
    segmenter,
    audio: new FrameAudio(),
    openIndex: null,
    startedAt,
    voicedClosed: 0,
    sentSeconds: 0,
    lastPartialAt: -Infinity,
    lastPartialSeconds: 0,
    partial: null,
    early: null,
    persistedFrames: 0,
    speechEndAt: null,
    rhythm: createPauseTracker(),
    earlier: { speechStartAt: null, pauses: [] },
    finished: false,
    autoFinishAsked: false,
    finishAtPause: false,
  };
}

/** The speech onset (epoch ms) and pauses of a take, with those of the earlier takes it carried on. */
function rhythmOf(take: Take): { speechStartAt: number | null; pauses: number[] } {
  const first = take.rhythm.firstSpeechFrame();
  const own = first === null ? null : Math.round(take.startedAt + first * FRAME_MS);
  return { speechStartAt: take.earlier.speechStartAt ?? own, pauses: [...take.earlier.pauses, ...take.rhythm.pauses()] };
}

function newSegment(index: number, take: Take, clipId: string): Segment {
  return { index, clipId, state: 'queued', pcm: null, seconds: 0, voicedSeconds: 0, text: null, partial: '', attempts: 0, error: null, sent: false, take, writes: Promise.resolve() };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
