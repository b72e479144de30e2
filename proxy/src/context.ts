// What every route handler shares: the config, the logger and the access checks built from them.
import type { ProxyConfig } from './config/index.ts';
import { TokenCheck } from './http/auth.ts';
import { createLogger, scrubber, type Logger, type LogSink } from './http/log.ts';
import { secretsOf } from './config/index.ts';
import { createLimits, type RequestLimits } from './limits/index.ts';

/** Shared, per-process state of the proxy. */
export interface ProxyContext {
  config: ProxyConfig;
  version: string;
  log: Logger;
  /** Removes every configured secret from a string (upstream error bodies, log lines). */
  scrub: (text: string) => string;
  tokens: TokenCheck;
  /** Per-minute and daily request budgets, in memory or shared through Redis. */
  limits: RequestLimits;
}

/** Builds the shared state from a validated config. */
export function createContext(config: ProxyConfig, options: { version: string; logSink?: LogSink }): ProxyContext {
  const secrets = secretsOf(config);
  const log = createLogger(secrets, options.logSink);
  return {
    config,
    version: options.version,
    log,
    scrub: scrubber(secrets),
    tokens: new TokenCheck(config.proxyTokens),
    limits: createLimits(config, log),
  };
}
