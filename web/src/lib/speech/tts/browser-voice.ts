// The fallback voice: the browser's own speechSynthesis, one utterance per piece, with the audio queue's event shape
// so the question speaker can use either. speechSynthesis is injected (a small structural interface) for unit tests.
import type { PiecePlayer, PlaybackEvent } from './audio-queue.ts';

/** The part of a SpeechSynthesisVoice used to pick one. */
export interface VoiceLike {
  readonly lang: string;
  readonly default: boolean;
  readonly localService: boolean;
}

/** The part of a SpeechSynthesisUtterance the voice sets and listens to. */
export interface UtteranceLike {
  rate: number;
  volume: number;
  lang: string;
  voice: VoiceLike | null;
  addEventListener(type: 'start' | 'end' | 'error', listener: (event: { error?: string }) => void): void;
}

/** The part of window.speechSynthesis the voice uses. */
export interface SpeechSynthesisLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): readonly VoiceLike[];
}

/** What the browser voice is built from. */
export interface BrowserVoiceDeps {
  synthesis: SpeechSynthesisLike;
  createUtterance: (text: string) => UtteranceLike;
  /** BCP 47 language of the interview. */
  lang?: string;
  /** Epoch milliseconds (Date.now). */
  now?: () => number;
}

/** The browser's voice as a piece player. */
export interface BrowserVoice extends PiecePlayer {
  /** Queues a piece of text; it is spoken after the pieces before it. */
  enqueue(pieceId: number, text: string): void;
  /** Kokoro's speed (0.7 to 1.5) as the utterance rate (1 is normal for both). */
  setSpeed(speed: number): void;
}

interface Item {
  pieceId: number;
  text: string;
}

/** Creates the voice. Speaks one utterance at a time so pieces can be dropped without cutting the one being spoken. */
export function createBrowserVoice(deps: BrowserVoiceDeps): BrowserVoice {
  const { synthesis } = deps;
  const now = deps.now ?? Date.now;
  const lang = deps.lang ?? 'en-US';
  const listeners = new Set<(event: PlaybackEvent) => void>();
  let waiting: Item[] = [];
  let current: { item: Item; utterance: UtteranceLike; started: boolean } | null = null;
  let volume = 1;
  let muted = false;
  let rate = 1;

  function emit(event: PlaybackEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function speakNext(): void {
    const item = waiting.shift();
    if (!item) return;
    const utterance = deps.createUtterance(item.text);
    utterance.rate = rate;
    utterance.volume = muted ? 0 : volume;
    utterance.lang = lang;
    const voice = pickVoice(synthesis.getVoices(), lang);
    if (voice) utterance.voice = voice;
    // Warning: Chrome drops the events of an utterance nobody references any more; `current` keeps it alive.
    const entry = { item, utterance, started: false };
    current = entry;
    utterance.addEventListener('start', () => {
      if (current !== entry) return;
      entry.started = true;
      emit({ type: 'start', pieceId: item.pieceId, at: now(), durationMs: null });
    });
    const finish = (): void => {
      if (current !== entry) return;
      if (!entry.started) emit({ type: 'start', pieceId: item.pieceId, at: now(), durationMs: null });
      current = null;
      emit({ type: 'end', pieceId: item.pieceId });
      speakNext();
      if (current === null && waiting.length === 0) emit({ type: 'idle' });
    };
    utterance.addEventListener('end', finish);
    // A cancelled utterance reports an error ('canceled', 'interrupted') after `current` moved on: finish ignores it.
    utterance.addEventListener('error', finish);
    synthesis.speak(utterance);
  }

  function cancelCurrent(): void {
    if (current === null) return;
    current = null;
    synthesis.cancel();
  }

  return {
    get busy() {
      return current !== null || waiting.length > 0;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue(pieceId, text) {
      waiting.push({ pieceId, text });
      if (current === null) speakNext();
    },
    dropUnstarted() {
      const dropped = waiting.map((item) => item.pieceId);
      waiting = [];
      // speechSynthesis cannot take back one utterance: one that was handed over but has not started is cancelled.
      if (current !== null && !current.started) {
        dropped.unshift(current.item.pieceId);
        cancelCurrent();
      }
      return dropped;
    },
    stop() {
      waiting = [];
      cancelCurrent();
    },
    setVolume(value) {
      volume = Math.min(1, Math.max(0, value));
    },
    setMuted(value) {
      muted = value;
    },
    setSpeed(speed) {
      rate = Math.min(2, Math.max(0.5, speed));
    },
    unlock() {
      // Warning: iOS Safari speaks only after a first speak() inside a user gesture: this runs synchronously in the tap.
      const primer = deps.createUtterance(' ');
      primer.volume = 0;
      synthesis.speak(primer);
      return Promise.resolve();
    },
  };
}

/** The voice to use for `lang`: the default one if it speaks the language, else a local one, else any. */
export function pickVoice(voices: readonly VoiceLike[], lang: string): VoiceLike | null {
  const base = lang.toLowerCase().split('-')[0] ?? lang;
  const speaks = (voice: VoiceLike): boolean => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === base;
  const exact = (voice: VoiceLike): boolean => voice.lang.toLowerCase().replace('_', '-') === lang.toLowerCase();
  const matching = voices.filter(speaks);
  return matching.find((voice) => voice.default) ?? matching.find((voice) => exact(voice) && voice.localService) ?? matching.find(exact) ?? matching.find((voice) => voice.localService) ?? matching[0] ?? null;
}

/** The page's speechSynthesis as BrowserVoiceDeps, or null where the browser has none (then there is no fallback). */
export function browserSpeechSynthesis(
  scope: { speechSynthesis?: SpeechSynthesis; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance } = globalThis as {
    speechSynthesis?: SpeechSynthesis;
    SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
  },
): Pick<BrowserVoiceDeps, 'synthesis' | 'createUtterance'> | null {
  const synthesis = scope.speechSynthesis;
  const Utterance = scope.SpeechSynthesisUtterance;
  if (!synthesis || typeof Utterance !== 'function') return null;
  return {
    synthesis: {
      speak: (utterance) => synthesis.speak(utterance as SpeechSynthesisUtterance),
      cancel: () => synthesis.cancel(),
      getVoices: () => synthesis.getVoices(),
    },
    createUtterance: (text) => new Utterance(text),
  };
}
