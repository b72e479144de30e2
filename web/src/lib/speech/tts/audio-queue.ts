// Plays synthesized pieces back to back through Web Audio: gapless scheduling on the context's clock, volume and mute,
// stop, piece start/end events with epoch times, unlocking on the first tap, and resuming after the tab comes back.
// The AudioContext is injected (a small structural interface) so unit tests run on a fake clock.
import { KOKORO_SAMPLE_RATE } from './types.ts';

/** What a player reports; `start.at` is the piece's first audible moment in epoch milliseconds. */
export type PlaybackEvent =
  | { type: 'start'; pieceId: number; at: number; durationMs: number | null }
  | { type: 'end'; pieceId: number }
  | { type: 'idle' };

/** What the question speaker needs from anything that plays pieces (this queue, or the browser's voice). */
export interface PiecePlayer {
  /** Whether pieces are waiting or playing. */
  readonly busy: boolean;
  /** Listens to piece starts and ends and to the queue running dry; returns the unsubscribe function. */
  subscribe(listener: (event: PlaybackEvent) => void): () => void;
  /** Drops every piece that has not started yet (the one playing goes on); returns their ids. No events. */
  dropUnstarted(): number[];
  /** Stops everything at once. No events. */
  stop(): void;
  /** 0 to 1. */
  setVolume(volume: number): void;
  setMuted(muted: boolean): void;
  /** Call inside a user gesture (tap, click, key): allows audio on browsers that block it until then. */
  unlock(): Promise<void>;
}

/** The part of an AudioParam the queue sets. */
export interface AudioParamLike {
  value: number;
}

/** The part of an AudioNode the queue uses. */
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}

/** The part of an AudioBuffer the queue uses. */
export interface AudioBufferLike {
  readonly duration: number;
  getChannelData(channel: number): Float32Array;
}

/** The part of an AudioBufferSourceNode the queue uses. */
export interface AudioBufferSourceLike extends AudioNodeLike {
  buffer: AudioBufferLike | null;
  start(when?: number): void;
  stop(when?: number): void;
  addEventListener(type: 'ended', listener: () => void): void;
}

/** The part of a GainNode the queue uses. */
export interface GainNodeLike extends AudioNodeLike {
  readonly gain: AudioParamLike;
}

/** The part of an AudioContext the queue uses; a real `AudioContext` fits. */
export interface AudioContextLike {
  readonly currentTime: number;
  /** 'suspended' | 'running' | 'closed', and 'interrupted' on Safari. */
  readonly state: string;
  readonly destination: AudioNodeLike;
  createBuffer(numberOfChannels: number, length: number, sampleRate: number): AudioBufferLike;
  createBufferSource(): AudioBufferSourceLike;
  createGain(): GainNodeLike;
  resume(): Promise<void>;
  getOutputTimestamp?(): { contextTime?: number; performanceTime?: number };
  addEventListener(type: 'statechange', listener: () => void): void;
  removeEventListener(type: 'statechange', listener: () => void): void;
}

/** A one-shot timer; tests pass a fake one. */
export interface TimerLike {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What the queue is built from. */
export interface AudioQueueDeps {
  context: AudioContextLike;
  /** Seconds between "now" and the start of a piece that plays at once; small, so it adds little latency. */
  leadSeconds?: number;
  /** Epoch milliseconds (Date.now). */
  now?: () => number;
  /** performance.timeOrigin: epoch milliseconds of performance.now() === 0. */
  timeOrigin?: number;
  timer?: TimerLike;
}

/** Where a piece was scheduled. */
export interface ScheduledPiece {
  /** On the context's clock, seconds. */
  startTime: number;
  /** Epoch milliseconds (estimated now; the start event gives it again when the piece plays). */
  at: number;
  durationMs: number;
}

/** A Web Audio queue that plays pieces in order, back to back. */
export interface AudioQueue extends PiecePlayer {
  /** Schedules a piece at max(now + lead, end of the previous piece). */
  enqueue(pieceId: number, audio: Float32Array, sampleRate: number): ScheduledPiece;
  /** Resumes a context the browser suspended (tab in the background, iOS interruption); waiting pieces then play. */
  resume(): Promise<void>;
  /** Epoch milliseconds of a moment on the context's clock. */
  toEpochMs(contextTime: number): number;
  /** Stops and lets go of the context's listener. */
  dispose(): void;
}

/** 15 ms: enough for the audio thread to pick the buffer up, well inside the 50 ms pipeline budget. */
export const DEFAULT_LEAD_SECONDS = 0.015;

// A start that is this close counts as due (ended events and timers fire a little early or late).
const DUE_EPSILON_SECONDS = 0.005;

interface Entry {
  pieceId: number;
  source: AudioBufferSourceLike | null;
  startTime: number;
  endTime: number;
  durationMs: number;
  started: boolean;
}

const defaultTimer: TimerLike = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Creates the queue on a context; the context is not closed by it. */
export function createAudioQueue(deps: AudioQueueDeps): AudioQueue {
  const { context } = deps;
  const lead = deps.leadSeconds ?? DEFAULT_LEAD_SECONDS;
  const now = deps.now ?? Date.now;
  const timeOrigin = deps.timeOrigin ?? (typeof performance === 'undefined' ? undefined : performance.timeOrigin);
  const timer = deps.timer ?? defaultTimer;
  const listeners = new Set<(event: PlaybackEvent) => void>();
  const gain = context.createGain();
  gain.connect(context.destination);
  let entries: Entry[] = [];
  let endOfQueue = 0;
  let volume = 1;
  let muted = false;
  let pending: unknown = null;

  function emit(event: PlaybackEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function toEpochMs(contextTime: number): number {
    const stamp = context.getOutputTimestamp?.();
    if (stamp && timeOrigin !== undefined && stamp.contextTime !== undefined && stamp.performanceTime !== undefined && stamp.performanceTime > 0) {
      return timeOrigin + stamp.performanceTime + (contextTime - stamp.contextTime) * 1000;
    }
    return now() + (contextTime - context.currentTime) * 1000;
  }

  function clearTimer(): void {
    if (pending !== null) timer.clear(pending);
    pending = null;
  }

  /** Emits the ends and starts that are due on the context's clock, in order, then waits for the next one. */
  function pump(): void {
    clearTimer();
    const time = context.currentTime;
    let ended = false;
    for (const entry of [...entries]) {
      // A listener may have stopped the queue or dropped pieces meanwhile.
      if (!entries.includes(entry)) continue;
      if (!entry.started && entry.startTime <= time + DUE_EPSILON_SECONDS) startOf(entry);
      if (entries.includes(entry) && entry.started && entry.endTime <= time + DUE_EPSILON_SECONDS) {
        endOf(entry);
        ended = true;
      }
    }
    if (ended && entries.length === 0) emit({ type: 'idle' });
    const next = entries[0];
    // Warning: a suspended context's clock stands still; statechange and resume() pump again, no timer spins meanwhile.
    if (next && context.state === 'running') {
      const due = next.started ? next.endTime : next.startTime;
      pending = timer.set(pump, Math.max(1, (due - context.currentTime) * 1000));
    }
  }

  function startOf(entry: Entry): void {
    entry.started = true;
    emit({ type: 'start', pieceId: entry.pieceId, at: toEpochMs(entry.startTime), durationMs: entry.durationMs });
  }

  function endOf(entry: Entry): void {
    if (!entry.started) startOf(entry);
    entries = entries.filter((other) => other !== entry);
    emit({ type: 'end', pieceId: entry.pieceId });
  }

  function applyGain(): void {
    gain.gain.value = muted ? 0 : Math.min(1, Math.max(0, volume));
  }

  function silence(entry: Entry): void {
    if (!entry.source) return;
    try {
      entry.source.stop();
    } catch {
      // Already stopped.
    }
    entry.source.disconnect();
  }

  function stop(): void {
    clearTimer();
    const stopped = entries;
    entries = [];
    endOfQueue = 0;
    for (const entry of stopped) silence(entry);
  }

  async function resumeContext(): Promise<void> {
    if (context.state !== 'running' && context.state !== 'closed') await context.resume();
    pump();
  }

  const onStateChange = (): void => pump();
  context.addEventListener('statechange', onStateChange);

  return {
    get busy() {
      return entries.length > 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue(pieceId, audio, sampleRate) {
      const startTime = Math.max(context.currentTime + lead, endOfQueue);
      const seconds = audio.length / sampleRate;
      let source: AudioBufferSourceLike | null = null;
      // Warning: createBuffer throws on a zero-length buffer; an empty piece is a silent entry that still starts and ends.
      if (audio.length > 0) {
        const buffer = context.createBuffer(1, audio.length, sampleRate);
        buffer.getChannelData(0).set(audio);
        source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(gain);
        const entrySource = source;
        // The clock ends pieces (pump); the ended event is the backstop while timers are throttled in a background tab.
        // Warning: the clock may end a piece a few ms before its last sample plays: only the ended event disconnects it.
        source.addEventListener('ended', () => {
          entrySource.disconnect();
          const entry = entries.find((candidate) => candidate.source === entrySource);
          if (!entry) return;
          endOf(entry);
          if (entries.length === 0) emit({ type: 'idle' });
          pump();
        });
        source.start(startTime);
      }
      const entry: Entry = { pieceId, source, startTime, endTime: startTime + seconds, durationMs: seconds * 1000, started: false };
      entries.push(entry);
      endOfQueue = entry.endTime;
      pump();
      return { startTime, at: toEpochMs(startTime), durationMs: seconds * 1000 };
    },
    dropUnstarted() {
      const time = context.currentTime;
      const dropped = entries.filter((entry) => entry.startTime > time + DUE_EPSILON_SECONDS);
      for (const entry of dropped) silence(entry);
      entries = entries.filter((entry) => !dropped.includes(entry));
      // The first dropped piece started where the audio still playing ends (that piece may be off the list already).
      endOfQueue = entries.at(-1)?.endTime ?? dropped[0]?.startTime ?? endOfQueue;
      pump();
      return dropped.map((entry) => entry.pieceId);
    },
    stop,
    setVolume(value) {
      volume = value;
      applyGain();
    },
    setMuted(value) {
      muted = value;
      applyGain();
    },
    unlock() {
      // Warning: iOS Safari unlocks audio only for a sound started inside the gesture itself: this runs synchronously,
      // before any await in the tap handler, and plays one silent sample.
      const source = context.createBufferSource();
      source.buffer = context.createBuffer(1, 1, KOKORO_SAMPLE_RATE);
      source.connect(context.destination);
      source.start(0);
      return resumeContext();
    },
    resume: resumeContext,
    toEpochMs,
    dispose() {
      stop();
      listeners.clear();
      context.removeEventListener('statechange', onStateChange);
      gain.disconnect();
    },
  };
}

/** The document events the queue reacts to. */
export interface VisibilitySource {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** Resumes the queue whenever the page becomes visible again; returns the function that stops watching. */
export function resumeWhenVisible(source: VisibilitySource, queue: Pick<AudioQueue, 'resume'>, onError: (error: unknown) => void = () => undefined): () => void {
  const listener = (): void => {
    if (source.visibilityState === 'visible') queue.resume().catch(onError);
  };
  source.addEventListener('visibilitychange', listener);
  return () => source.removeEventListener('visibilitychange', listener);
}

/** The browser's AudioContext for the voice (interactive latency), or null where Web Audio is missing. */
export function createBrowserAudioContext(scope: { AudioContext?: typeof AudioContext } = globalThis as { AudioContext?: typeof AudioContext }): AudioContextLike | null {
  const Context = scope.AudioContext;
  return Context ? new Context({ latencyHint: 'interactive' }) : null;
}
