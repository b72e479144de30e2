// Small formatting helpers for the interview screen: clock times and durations.

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
