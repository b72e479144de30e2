// When to try a failed transcription again: the number of tries and the wait between them (the shared backoff, or
// the server's Retry-After when that is longer). Which failures are worth another try is the engine's call.
import { backoffDelayMs, DEFAULT_BACKOFF, type Backoff } from '../../common/index.ts';

/** How many tries a segment gets before the candidate is told, and the waits between them. */
export interface RetryPolicy {
  maxAttempts: number;
  backoff: Backoff;
  /** One request that takes longer than this is abandoned and counts as a failed try (a hung connection). */
  timeoutMs: number;
}

/** Three tries, about 1 s then 2 s apart; a minute per request (the proxy answers within 30 s, 202 while a job waits). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, backoff: DEFAULT_BACKOFF, timeoutMs: 60_000 };

/** Milliseconds to wait after try number `attempt` (1-based) failed; a Retry-After hint wins when longer (up to the cap). */
export function retryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, retryAfterMs?: number, random: () => number = Math.random): number {
  const backoff = backoffDelayMs(attempt, random, policy.backoff);
  const hinted = retryAfterMs === undefined ? 0 : Math.min(policy.backoff.maxMs, retryAfterMs);
  return Math.max(backoff, hinted);
}
