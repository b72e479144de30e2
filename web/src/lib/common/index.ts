// Public face of the helpers common to every capability: the exhaustiveness check, backoff and Retry-After.
export { assertNever } from './assert-never.ts';
export { backoffDelayMs, DEFAULT_BACKOFF, parseRetryAfterMs, type Backoff } from './backoff.ts';
