// What every route handler shares: the config, the logger and the access checks built from them.
import type { ProxyConfig } from './config/index.ts';
import { TokenCheck } from './http/auth.ts';
import { createLogger, scrubber, type Logger, type LogSink } from './http/log.ts';
import { RateLimiter } from './http/rate-limiter.ts';
import { secretsOf } from './config/index.ts';

/** Shared, per-process state of the proxy. */
export interface ProxyContext {
  config: ProxyConfig;
  version: string;
  log: Logger;
  /** Removes every configured secret from a string (upstream error bodies, log lines). */
  scrub: (text: string) => string;
  tokens: TokenCheck;
  limiter: RateLimiter;
}

/** Builds the shared state from a validated config. */
export function createContext(config: ProxyConfig, options: { version: string; logSink?: LogSink; now?: () => number }): ProxyContext {
  const secrets = secretsOf(config);
  return {
    config,
    version: options.version,
    log: createLogger(secrets, options.logSink),
    scrub: scrubber(secrets),
    tokens: new TokenCheck(config.proxyTokens),
    limiter: new RateLimiter(config.rateLimitPerMinute, options.now),
  };
}
