// Test doubles for the speech pipeline: an AudioContext on a fake clock (with its timers), a synthesizer answered by
// hand, and speechSynthesis. Only unit tests import this file.
import type { AudioBufferLike, AudioBufferSourceLike, AudioContextLike, AudioNodeLike, GainNodeLike, TimerLike } from './audio-queue.ts';
import type { SpeechSynthesisLike, UtteranceLike, VoiceLike } from './browser-voice.ts';
import type { SynthesizedPiece, Synthesizer } from './types.ts';

/** A node that remembers what it was connected to. */
export class FakeNode implements AudioNodeLike {
  connectedTo: AudioNodeLike | null = null;
  connect(destination: AudioNodeLike): AudioNodeLike {
    this.connectedTo = destination;
    return destination;
  }
  disconnect(): void {
    this.connectedTo = null;
  }
}

/** A gain node. */
export class FakeGain extends FakeNode implements GainNodeLike {
  readonly gain = { value: 1 };
}

/** A mono buffer. */
export class FakeBuffer implements AudioBufferLike {
  readonly data: Float32Array;
  constructor(
    length: number,
    readonly sampleRate: number,
  ) {
    this.data = new Float32Array(length);
  }
  get duration(): number {
    return this.data.length / this.sampleRate;
  }
  getChannelData(): Float32Array {
    return this.data;
  }
}

/** A buffer source that records when it was started and stopped. */
export class FakeSource extends FakeNode implements AudioBufferSourceLike {
  buffer: FakeBuffer | null = null;
  /** The `when` it was started with (context seconds). */
  startTime: number | null = null;
  /** When it was stopped (context seconds), null while not. */
  stoppedAt: number | null = null;
  endedFired = false;
  readonly #listeners: (() => void)[] = [];
  constructor(readonly context: FakeAudioContext) {
    super();
  }
  start(when = 0): void {
    if (this.startTime !== null) throw new Error('InvalidStateError: start() called twice');
    this.startTime = when;
  }
  stop(): void {
    if (this.startTime === null) throw new Error('InvalidStateError: stop() before start()');
    this.stoppedAt ??= this.context.currentTime;
  }
  addEventListener(_type: 'ended', listener: () => void): void {
    this.#listeners.push(listener);
  }
  /** Where it plays on the context's clock: from max(when, the moment it was started), for the buffer's duration. */
  get playEnd(): number {
    return (this.startTime ?? 0) + (this.buffer?.duration ?? 0);
  }
  fireEnded(): void {
    this.endedFired = true;
    for (const listener of this.#listeners) listener();
  }
}

interface FakeTimer {
  id: number;
  dueMs: number;
  callback: () => void;
}

/** An AudioContext whose clock moves only with `advance`; its `timer` and `now` share that clock. */
export class FakeAudioContext implements AudioContextLike {
  /** Fake epoch milliseconds. */
  wallMs = 1_000_000;
  currentTime = 0;
  state = 'running';
  readonly destination = new FakeNode();
  readonly sources: FakeSource[] = [];
  readonly gains: FakeGain[] = [];
  resumeCalls = 0;
  #timers: FakeTimer[] = [];
  #nextTimerId = 1;
  readonly #stateListeners = new Set<() => void>();

  readonly now = (): number => this.wallMs;

  readonly timer: TimerLike = {
    set: (callback, ms) => {
      const id = this.#nextTimerId++;
      this.#timers.push({ id, dueMs: this.wallMs + ms, callback });
      return id;
    },
    clear: (handle) => {
      this.#timers = this.#timers.filter((timer) => timer.id !== handle);
    },
  };

  createBuffer(_channels: number, length: number, sampleRate: number): FakeBuffer {
    if (length === 0) throw new Error('NotSupportedError: zero-length buffer');
    return new FakeBuffer(length, sampleRate);
  }
  createBufferSource(): FakeSource {
    const source = new FakeSource(this);
    this.sources.push(source);
    return source;
  }
  createGain(): FakeGain {
    const gain = new FakeGain();
    this.gains.push(gain);
    return gain;
  }
  resume(): Promise<void> {
    this.resumeCalls++;
    this.setState('running');
    return Promise.resolve();
  }
  addEventListener(_type: 'statechange', listener: () => void): void {
    this.#stateListeners.add(listener);
  }
  removeEventListener(_type: 'statechange', listener: () => void): void {
    this.#stateListeners.delete(listener);
  }
  /** What the browser does to a background tab or on an iOS interruption. */
  setState(state: string): void {
    this.state = state;
    for (const listener of [...this.#stateListeners]) listener();
  }

  /** The sources that carry a piece (not the 1-sample unlock source), in the order created. */
  get pieceSources(): FakeSource[] {
    return this.sources.filter((source) => (source.buffer?.data.length ?? 0) > 1);
  }

  /** Moves the clocks forward by `ms`, firing timers and ended events in time order. */
  advance(ms: number): void {
    const target = this.wallMs + ms;
    for (;;) {
      const next = this.#nextEvent();
      if (next === null || next.atMs > target) break;
      this.#moveTo(next.atMs);
      next.fire();
    }
    this.#moveTo(target);
  }

  #moveTo(wallMs: number): void {
    if (this.state === 'running') this.currentTime += (wallMs - this.wallMs) / 1000;
    this.wallMs = wallMs;
  }

  #nextEvent(): { atMs: number; fire: () => void } | null {
    let best: { atMs: number; fire: () => void } | null = null;
    for (const timer of this.#timers) {
      if (best === null || timer.dueMs < best.atMs) {
        best = {
          atMs: timer.dueMs,
          fire: () => {
            this.#timers = this.#timers.filter((other) => other !== timer);
            timer.callback();
          },
        };
      }
    }
    for (const source of this.sources) {
      if (source.endedFired || source.startTime === null) continue;
      const endTime = source.stoppedAt ?? Math.max(source.playEnd, source.startTime);
      if (source.stoppedAt === null && this.state !== 'running') continue;
      const atMs = Math.max(this.wallMs, this.wallMs + (endTime - this.currentTime) * 1000);
      if (best === null || atMs < best.atMs) best = { atMs, fire: () => source.fireEnded() };
    }
    return best;
  }
}

/** A synthesizer whose calls wait until the test answers them, in order. */
export class FakeSynthesizer implements Pick<Synthesizer, 'synthesize'> {
  readonly calls: { text: string; voice: string; speed: number }[] = [];
  readonly #pending: { resolve: (piece: SynthesizedPiece) => void; reject: (error: unknown) => void }[] = [];

  synthesize(text: string, voice: string, speed: number): Promise<SynthesizedPiece> {
    this.calls.push({ text, voice, speed });
    return new Promise((resolve, reject) => this.#pending.push({ resolve, reject }));
  }
  /** Calls made and not answered yet. */
  get waiting(): number {
    return this.#pending.length;
  }
  /** Answers the oldest call with `seconds` of audio at 24 kHz. */
  resolveNext(seconds: number, synthesisMs = 100): void {
    const next = this.#pending.shift();
    if (!next) throw new Error('no synthesize call is waiting');
    next.resolve({ audio: new Float32Array(Math.round(seconds * 24_000)).fill(0.1), sampleRate: 24_000, synthesisMs });
  }
  /** Fails the oldest call. */
  rejectNext(error: unknown): void {
    const next = this.#pending.shift();
    if (!next) throw new Error('no synthesize call is waiting');
    next.reject(error);
  }
}

/** An utterance that records its settings. */
export class FakeUtterance implements UtteranceLike {
  rate = 1;
  volume = 1;
  lang = '';
  voice: VoiceLike | null = null;
  readonly #listeners = new Map<string, ((event: { error?: string }) => void)[]>();
  constructor(readonly text: string) {}
  addEventListener(type: 'start' | 'end' | 'error', listener: (event: { error?: string }) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  fire(type: 'start' | 'end' | 'error', event: { error?: string } = {}): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}

/** speechSynthesis that speaks when the test says so. */
export class FakeSpeechSynthesis implements SpeechSynthesisLike {
  readonly spoken: FakeUtterance[] = [];
  queue: FakeUtterance[] = [];
  cancelCalls = 0;
  voices: VoiceLike[] = [];
  speak(utterance: UtteranceLike): void {
    const fake = utterance as FakeUtterance;
    this.spoken.push(fake);
    this.queue.push(fake);
  }
  cancel(): void {
    this.cancelCalls++;
    const cancelled = this.queue;
    this.queue = [];
    for (const utterance of cancelled) utterance.fire('error', { error: 'canceled' });
  }
  getVoices(): VoiceLike[] {
    return this.voices;
  }
  /** The utterance at the head of the queue starts. */
  startCurrent(): FakeUtterance {
    const current = this.queue[0];
    if (!current) throw new Error('nothing to speak');
    current.fire('start');
    return current;
  }
  /** The utterance at the head of the queue ends. */
  endCurrent(): FakeUtterance {
    const current = this.queue.shift();
    if (!current) throw new Error('nothing to speak');
    current.fire('end');
    return current;
  }
}
