// What the microphone pipeline measures about one spoken answer: when speech started and ended, the seconds spoken
// and sent, and the pauses between stretches of speech. Owned here, where it is measured; the interview stores it.

/** How one spoken answer was transcribed and delivered, epoch milliseconds and seconds. */
export interface ListeningTiming {
  speechEndAt: number | null;
  transcriptReadyAt: number | null;
  spokenSeconds: number;
  audioSecondsSent: number;
  /** The first frame of speech (epoch ms): where the response latency ends. Absent on answers recorded before it was kept. */
  speechStartAt?: number | null;
  /** Each silence between two stretches of speech of at least MIN_PAUSE_MS, in seconds, in order. Absent on older answers. */
  pauses?: number[];
}

/** The shortest silence between stretches of speech counted as a pause (shorter gaps are the spaces between words). */
export const MIN_PAUSE_MS = 250;
