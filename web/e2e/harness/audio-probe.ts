// Records what the page plays: every Web Audio buffer started or stopped, and every browser-voice utterance.
// Installed before the app loads, in the page's own world, so the app's real playback code is what is observed.
import type { Page } from '@playwright/test';

/** One AudioBufferSourceNode started by the page, in its AudioContext's clock (seconds). */
export interface PlayedBuffer {
  /** When it was scheduled to start. */
  when: number;
  /** The buffer's length. */
  duration: number;
  sampleRate: number;
  /** The context's clock when start() was called, and the epoch time of that call. */
  calledAt: number;
  calledAtEpoch: number;
  /** Set when stop() was called on it: the context's clock at that call. */
  stoppedAt: number | null;
}

/** Everything the probe saw so far. */
export interface AudioProbe {
  buffers: PlayedBuffer[];
  /** Texts handed to speechSynthesis.speak. */
  utterances: string[];
  /** How many times speechSynthesis.cancel was called. */
  cancels: number;
}

/** Installs the probe; call before page.goto. */
export async function installAudioProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe = { buffers: [] as unknown[], utterances: [] as string[], cancels: 0 };
    (window as unknown as { __audioProbe: typeof probe }).__audioProbe = probe;
    let lastContext: BaseAudioContext | null = null;
    (window as unknown as { __audioClock: () => number | null }).__audioClock = () => lastContext?.currentTime ?? null;
    const source = AudioBufferSourceNode.prototype;
    const start = source.start;
    const stop = source.stop;
    const records = new WeakMap<AudioBufferSourceNode, { stoppedAt: number | null }>();
    source.start = function (this: AudioBufferSourceNode, when?: number, offset?: number, duration?: number) {
      const record = {
        when: when ?? this.context.currentTime,
        duration: this.buffer?.duration ?? 0,
        sampleRate: this.buffer?.sampleRate ?? 0,
        calledAt: this.context.currentTime,
        calledAtEpoch: Date.now(),
        stoppedAt: null as number | null,
      };
      records.set(this, record);
      lastContext = this.context;
      probe.buffers.push(record);
      return start.call(this, when, offset, duration);
    };
    source.stop = function (this: AudioBufferSourceNode, when?: number) {
      const record = records.get(this);
      if (record && record.stoppedAt === null) record.stoppedAt = this.context.currentTime;
      return stop.call(this, when);
    };
    if ('speechSynthesis' in window) {
      const synthesis = window.speechSynthesis;
      const speak = synthesis.speak.bind(synthesis);
      const cancel = synthesis.cancel.bind(synthesis);
      synthesis.speak = (utterance: SpeechSynthesisUtterance) => {
        probe.utterances.push(utterance.text);
        speak(utterance);
      };
      synthesis.cancel = () => {
        probe.cancels += 1;
        cancel();
      };
    }
  });
}

/** Reads the probe's records. */
export async function readAudioProbe(page: Page): Promise<AudioProbe> {
  return page.evaluate(() => (window as unknown as { __audioProbe: AudioProbe }).__audioProbe);
}

/** The clock (seconds) of the AudioContext that last started a buffer; null before any. */
export async function readAudioClock(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { __audioClock: () => number | null }).__audioClock());
}
