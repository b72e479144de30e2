// When and how long to wait before trying a failed LLM call again: pure backoff with jitter,
// the server's own hint when it gives one, and an abortable sleep.
import { backoffDelayMs } from '../common/index.ts';
import type { LlmError } from './errors.ts';

/** Why the client tries again by itself: busy, unreachable or cut-off servers before any text, or a reply cut at its output limit. */
export type RetryReason = 'rate-limited' | 'unavailable' | 'network' | 'incomplete' | 'max-tokens';

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** 1 for the first retry, 2 for the second, ... */
  attempt: number;
  delayMs: number;
  reason: RetryReason;
}

/** A server that asks for a longer wait than this gets no retry: the caller shows the wait instead. */
export const MAX_HINTED_DELAY_MS = 20_000;

/** The retry to make after `error` when `retriesDone` retries were made already; undefined means give up. */
export function planRetry(error: LlmError, retriesDone: number, maxRetries: number, random: () => number = Math.random): RetryEvent | undefined {
  const reason = retryReasonOf(error);
  if (!reason || error.partial || retriesDone >= maxRetries) return undefined;
  const hint = error.retryAfterMs;
  if (hint !== undefined && hint > MAX_HINTED_DELAY_MS) return undefined;
  const attempt = retriesDone + 1;
  return { attempt, delayMs: hint ?? backoffDelayMs(attempt, random), reason };
}

function retryReasonOf(error: LlmError): RetryReason | undefined {
  switch (error.kind) {
    case 'rate-limited':
    case 'unavailable':
    case 'network':
    case 'incomplete':
      return error.kind;
    default:
      return undefined;
  }
}

/** Waits `ms` milliseconds; rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as unknown);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
