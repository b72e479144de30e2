// Request limits kept in Redis (or Valkey), shared by every proxy instance that points at it, through
// rate-limiter-flexible's atomic counters. Tracks whether Redis can be reached, for health and the fail mode.
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisConfig } from '../config/index.ts';
import type { Logger } from '../http/log.ts';
import { DAY_SECONDS, LimitStoreError, MINUTE_SECONDS, takeFrom, type LimiterPair } from './budgets.ts';
import { memoryLimiters } from './memory.ts';
import type { Budgets, LimitDecision, RequestLimits } from './types.ts';

/**
 * A limit check waits at most this long for Redis before counting it as unreachable. Warning: every /api call
 * waits on this check, so a slow Redis slows every request by up to this much.
 */
const COMMAND_TIMEOUT_MS = 500;

/** Keys live under this prefix, so the proxy can share a Redis with other programs. */
const KEY_PREFIX = 'xquizit:limits';

/** Limits shared through Redis; `failOpen` decides what happens while it cannot be reached. */
export function redisLimits(budgets: Budgets, redis: RedisConfig, log: Logger): RequestLimits {
  const where = describeServer(redis.url);
  const whenUnreachable = redis.failOpen ? 'per-instance' : 'refuse';
  const client = new Redis(redis.url, {
    // Fail at once while disconnected instead of queueing requests behind a dead connection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
  });
  const shared: LimiterPair = {
    perMinute: new RateLimiterRedis({
      storeClient: client,
      points: budgets.perMinute,
      duration: MINUTE_SECONDS,
      keyPrefix: `${KEY_PREFIX}:minute`,
      rejectIfRedisNotReady: true,
    }),
    daily:
      budgets.dailyRequests === null
        ? null
        : new RateLimiterRedis({
            storeClient: client,
            points: budgets.dailyRequests,
            duration: DAY_SECONDS,
            keyPrefix: `${KEY_PREFIX}:day`,
            rejectIfRedisNotReady: true,
          }),
  };
  const fallback = redis.failOpen ? memoryLimiters(budgets) : null;

  let reachable = false;
  let reported: 'unknown' | 'up' | 'down' = 'unknown';
  const markUp = () => {
    reachable = true;
    if (reported !== 'up') log.info(`request limits: Redis at ${where} is reachable; limits are shared by every instance using it`);
    reported = 'up';
  };
  const markDown = (reason: string) => {
    reachable = false;
    if (reported === 'down') return;
    reported = 'down';
    const consequence = redis.failOpen
      ? 'each instance limits requests on its own until it is back (REDIS_FAIL_OPEN=1)'
      : 'API calls are refused until it is back (set REDIS_FAIL_OPEN=1 to let them through under per-instance limits)';
    log.error(`request limits: Redis at ${where} is unreachable (${reason}): ${consequence}`);
  };
  const firstAttempt = new Promise<void>((settle) => {
    client.once('ready', () => settle());
    client.once('error', () => settle());
  });
  client.on('ready', markUp);
  // ioredis emits 'error' on every failed reconnect; without a listener Node would crash on it.
  client.on('error', (error: Error) => markDown(describeError(error)));
  client.on('close', () => {
    if (reachable) markDown('connection closed');
  });

  return {
    take: async (clientKey): Promise<LimitDecision> => {
      try {
        const decision = await takeFrom(shared, clientKey);
        if (!reachable && client.status === 'ready') markUp();
        return decision;
      } catch (error) {
        if (!(error instanceof LimitStoreError)) throw error;
        markDown(error.message);
        return fallback ? takeFrom(fallback, clientKey) : { kind: 'unavailable' };
      }
    },
    ready: () => firstAttempt,
    health: () => ({ store: 'redis', perMinute: budgets.perMinute, dailyRequests: budgets.dailyRequests, reachable, whenUnreachable }),
    close: async () => {
      client.disconnect();
    },
  };
}

/** host:port of a Redis URL, never its password. */
function describeServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

function describeError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.message;
}
