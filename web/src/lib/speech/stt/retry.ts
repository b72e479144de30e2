// When to try a failed transcription again: which failures are worth retrying, and the backoff between tries.
import { ApiError, NETWORK_ERROR } from '../../api/index.ts';

/** How many tries a segment gets before the candidate is told, and the waits between them. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Wait before try n + 1 is `baseDelayMs` × 2^(n − 1), capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A try that takes longer than this is abandoned and counts as failed (a slow queue). */
  timeoutMs: number;
}

/** Three tries, 1 s then 2 s apart; a minute per try (RunPod's cold start can take most of that). */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, timeoutMs: 60_000 };

/** Codes of proxy errors that no retry can fix: the candidate must be told at once. */
const FINAL_CODES = new Set(['not_configured', 'bad_request', 'unauthorized', 'payload_too_large', 'forbidden_origin', 'not_found', 'method_not_allowed']);

/** Whether `error` (from one try) may succeed on another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TranscriptionTimeout) return true;
  if (!(error instanceof ApiError)) return false;
  if (error.code === NETWORK_ERROR) return true;
  if (FINAL_CODES.has(error.code)) return false;
  return error.status === 408 || error.status === 425 || error.status === 429 || error.status >= 500;
}

/** Milliseconds to wait after try number `attempt` (1-based) failed; a Retry-After hint wins when longer. */
export function retryDelayMs(attempt: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY, retryAfterSeconds?: number): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const hinted = retryAfterSeconds !== undefined && Number.isFinite(retryAfterSeconds) ? Math.min(policy.maxDelayMs, retryAfterSeconds * 1000) : 0;
  return Math.max(backoff, hinted);
}

/** A try that outlasted the policy's timeout. */
export class TranscriptionTimeout extends Error {
  override readonly name = 'TranscriptionTimeout';
}
