// How long to wait before trying a failed call again: one exponential backoff with jitter, and the one reader of
// the HTTP Retry-After header (delay-seconds or an HTTP date), shared by every client that retries.

/** The shape of a backoff: the first step, doubled per retry up to a cap. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** One second, doubling to eight. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 8000 };

/**
 * The wait before retry number `attempt` (1-based): "equal jitter", a delay in [step/2, step] where step is
 * `baseMs` × 2^(attempt − 1) capped at `maxMs`, so clients that failed together do not retry together.
 */
export function backoffDelayMs(attempt: number, random: () => number = Math.random, backoff: Backoff = DEFAULT_BACKOFF): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/** Milliseconds a `Retry-After` header asks for: delay-seconds ("120", "1.5") or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Warning: Date.parse reads far more than HTTP dates ("1", "May"); only a date with a day and a time counts.
  if (!/\d{1,2}:\d{2}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
