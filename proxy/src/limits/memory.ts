// Request limits kept in this process's memory: right for one proxy; N instances would give N times the limits.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { DAY_SECONDS, MINUTE_SECONDS, takeFrom, type LimiterPair } from './budgets.ts';
import type { Budgets, RequestLimits } from './types.ts';

/** The per-minute and daily limiters in memory (also Redis's stand-in while it is unreachable, when so set). */
export function memoryLimiters(budgets: Budgets): LimiterPair {
  return {
    perMinute: new RateLimiterMemory({ points: budgets.perMinute, duration: MINUTE_SECONDS, keyPrefix: 'minute' }),
    daily: budgets.dailyRequests === null ? null : new RateLimiterMemory({ points: budgets.dailyRequests, duration: DAY_SECONDS, keyPrefix: 'day' }),
  };
}

/** Limits for a single proxy process. */
export function memoryLimits(budgets: Budgets): RequestLimits {
  const limiters = memoryLimiters(budgets);
  return {
    take: (clientKey) => takeFrom(limiters, clientKey),
    ready: async () => undefined,
    health: () => ({ store: 'memory', perMinute: budgets.perMinute, dailyRequests: budgets.dailyRequests }),
    close: async () => undefined,
  };
}
