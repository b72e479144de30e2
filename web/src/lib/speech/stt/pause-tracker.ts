// Follows the voice-activity decision frame by frame and keeps what delivery feedback needs: the frame speech first
// started, and the length of every silence between two stretches of speech. Pure; the recorder feeds it.
import { FRAME_MS } from './framer.ts';
import { MIN_PAUSE_MS } from './listening-timing.ts';

/** The speech onset and pauses of one take. */
export interface PauseTracker {
  /** Feeds whether frame `index` (numbered from 0, in order) is speech. */
  push(index: number, speech: boolean): void;
  /** The first speech frame, or null before any speech. */
  firstSpeechFrame(): number | null;
  /** Each silence of at least MIN_PAUSE_MS that speech followed, in seconds (two decimals), in order. */
  pauses(): number[];
}

/** A tracker counting silences of at least `minPauseMs` as pauses. */
export function createPauseTracker(minPauseMs: number = MIN_PAUSE_MS): PauseTracker {
  let first: number | null = null;
  // One past the last speech frame so far.
  let speechEnd: number | null = null;
  const pauses: number[] = [];
  return {
    push(index, speech) {
      if (!speech) return;
      if (first === null) first = index;
      // Warning: a silence counts only once speech resumes; the quiet before "Done" is not a pause.
      if (speechEnd !== null && index > speechEnd) {
        const ms = (index - speechEnd) * FRAME_MS;
        if (ms >= minPauseMs) pauses.push(Math.round(ms / 10) / 100);
      }
      speechEnd = index + 1;
    },
    firstSpeechFrame: () => first,
    pauses: () => [...pauses],
  };
}
