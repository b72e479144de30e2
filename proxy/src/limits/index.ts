// Public face of the request limits: per-minute rates and daily budgets, in memory or shared through Redis.
import type { ProxyConfig } from '../config/index.ts';
import type { Logger } from '../http/log.ts';
import { memoryLimits } from './memory.ts';
import { redisLimits } from './redis.ts';
import type { RequestLimits } from './types.ts';

export { clientKey } from './keys.ts';
export type { LimitDecision, LimitsHealth, RequestLimits } from './types.ts';

/** The limits a config asks for: shared through Redis when REDIS_URL is set, else in this process's memory. */
export function createLimits(config: ProxyConfig, log: Logger): RequestLimits {
  const budgets = { perMinute: config.rateLimitPerMinute, dailyRequests: config.tokenDailyRequests };
  return config.redis ? redisLimits(budgets, config.redis, log) : memoryLimits(budgets);
}
