// Small formatting helpers for the interview screen: clock times, durations and speech figures.

/** "m:ss" for a duration in milliseconds (minutes may exceed 59). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** A wall-clock time such as "14:05:09" in the candidate's locale. */
export function formatClock(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Milliseconds between two marks, or an em dash when either is missing. */
export function formatGap(from: number | null, to: number | null): string {
  return from === null || to === null ? '—' : `${Math.round(to - from)} ms`;
}

/** Synthesis real-time factor of spoken pieces (synthesis time over audio time): "0.12×", or a dash with no audio. */
export function formatRealTimeFactor(pieces: readonly { audioMs: number; synthesisMs: number }[]): string {
  const audioMs = pieces.reduce((sum, piece) => sum + piece.audioMs, 0);
  if (audioMs <= 0) return '—';
  const synthesisMs = pieces.reduce((sum, piece) => sum + piece.synthesisMs, 0);
  return `${(synthesisMs / audioMs).toFixed(2)}×`;
}

/** Seconds of audio with one decimal, e.g. "4.2 s". */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}
