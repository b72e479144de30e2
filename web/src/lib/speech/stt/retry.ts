// When to try a failed transcription again: which failures are worth retrying, and the wait between tries (the
// shared backoff, or the server's Retry-After when that is longer).
import { ApiError, NETWORK_ERROR } from '../../api/index.ts';
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

/** Codes of proxy errors that no retry can fix: the candidate must be told at once. */
const FINAL_CODES = new Set(['not_configured', 'bad_request', 'unauthorized', 'payload_too_large', 'forbidden_origin', 'not_found', 'method_not_allowed', 'transcription_failed']);

/** Whether `error` (from one try) may succeed on another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TranscriptionTimeout) return true;
  if (!(error instanceof ApiError)) return false;
  if (error.code === NETWORK_ERROR) return true;
  if (FINAL_CODES.has(error.code)) return false;
  return error.status === 408 || error.status === 425 || error.status === 429 || error.status >= 500;
}

/** Milliseconds to wait after try number `attempt` (1-based) failed; a Retry-After hint wins when longer (up to the cap). */
export function retryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, retryAfterMs?: number, random: () => number = Math.random): number {
  const backoff = backoffDelayMs(attempt, random, policy.backoff);
  const hinted = retryAfterMs === undefined ? 0 : Math.min(policy.backoff.maxMs, retryAfterMs);
  return Math.max(backoff, hinted);
}

/** A try that outlasted the policy's timeout. */
export class TranscriptionTimeout extends Error {
  override readonly name = 'TranscriptionTimeout';
}
