// The two budgets over rate-limiter-flexible limiters of any store: per minute first, then per 24 hours,
// and the mapping of the library's answers (a RateLimiterRes when refused, an Error when the store failed).
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { LimitDecision } from './types.ts';

/** Seconds in the per-minute and the daily window. */
export const MINUTE_SECONDS = 60;
export const DAY_SECONDS = 24 * 60 * 60;

/** A store's pair of limiters; `daily` is null when there is no daily budget. */
export interface LimiterPair {
  perMinute: RateLimiterAbstract;
  daily: RateLimiterAbstract | null;
}

/** Thrown when the store itself failed (not a refusal): the caller decides whether to refuse or fall back. */
export class LimitStoreError extends Error {
  override name = 'LimitStoreError';
}

/** Takes one request from `key`'s budgets; a store failure is thrown as LimitStoreError. */
export async function takeFrom(limiters: LimiterPair, key: string): Promise<LimitDecision> {
  const perMinute = await consume(limiters.perMinute, key);
  if (perMinute !== undefined) return { kind: 'per-minute', retryAfterSeconds: perMinute };
  if (!limiters.daily) return { kind: 'allowed' };
  const daily = await consume(limiters.daily, key);
  if (daily !== undefined) return { kind: 'daily', retryAfterSeconds: daily, dailyRequests: limiters.daily.points };
  return { kind: 'allowed' };
}

/** Seconds to wait when refused, or undefined when allowed. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (reason) {
    if (reason instanceof RateLimiterRes) return retryAfterSeconds(reason.msBeforeNext);
    throw new LimitStoreError(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Whole seconds until a window ends, at least 1 (a Retry-After of 0 invites an instant retry). */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}
