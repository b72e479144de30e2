// Whose budget a request spends: its access token's, or its client address's when the server has no tokens.
import { createHash } from 'node:crypto';

/**
 * The budget key for a request. Warning: a token is never used as a key itself: keys are visible to anyone who
 * can read the store (Redis KEYS, MONITOR), so a token is replaced by a digest that cannot be turned back into it.
 */
export function clientKey(token: string | undefined, address: string | undefined): string {
  if (token) return `token:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
  return `ip:${address ?? 'unknown'}`;
}
