// What `pnpm bench:stt` watches inside the page: every message the app posts to the speech worker and its reply, so
// each voice-activity frame's delay (post → its probability back) is known, and whether a transcription was in flight.
import type { Page } from '@playwright/test';

/** One voice-activity frame: how long from post to reply (ms), and whether a transcription ran meanwhile. */
export interface FrameDelay {
  ms: number;
  duringTranscription: boolean;
}

type ProbeWindow = { __sttBench: { frames: FrameDelay[] } };

/** Installs the probe; call before page.goto. */
export async function installFrameProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // Warning: no named function constants in here: tsx would wrap them in a `__name` helper the page does not have.
    const state = { frames: [] as { ms: number; duringTranscription: boolean }[] };
    (window as unknown as { __sttBench: typeof state }).__sttBench = state;
    const frames = new Map<number, { at: number; during: boolean }>();
    const transcriptions = new Set<number>();
    const watched = new WeakSet<Worker>();
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      if (!watched.has(this)) {
        watched.add(this);
        this.addEventListener('message', (event: MessageEvent) => {
          const reply = event.data as { type?: string; id?: number };
          if (typeof reply?.id !== 'number') return;
          if (reply.type === 'stt-transcribed' || reply.type === 'stt-failed') transcriptions.delete(reply.id);
          const frame = reply.type === 'vad-probability' || reply.type === 'vad-failed' ? frames.get(reply.id) : undefined;
          if (!frame) return;
          frames.delete(reply.id);
          state.frames.push({ ms: performance.now() - frame.at, duringTranscription: frame.during || transcriptions.size > 0 });
        });
      }
      const sent = message as { type?: string; id?: number };
      if (sent?.type === 'stt-transcribe' && typeof sent.id === 'number') transcriptions.add(sent.id);
      if (sent?.type === 'vad-frame' && typeof sent.id === 'number') frames.set(sent.id, { at: performance.now(), during: transcriptions.size > 0 });
      return (post as (...args: unknown[]) => void).call(this, message, ...rest);
    };
  });
}

/** Reads the frames noted so far. */
export function readFrameDelays(page: Page): Promise<FrameDelay[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__sttBench.frames);
}

/** Forgets the frames noted so far (the warm-up's, which wait for the voice-activity model to load). */
export async function resetFrameDelays(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as ProbeWindow).__sttBench.frames.length = 0;
  });
}
