// What the /api gate asks of the request limits, whichever store keeps them (this process's memory or Redis).

/** The outcome of taking one request from a client's budgets. */
export type LimitDecision =
  | { kind: 'allowed' }
  /** Past RATE_LIMIT_PER_MINUTE. */
  | { kind: 'per-minute'; retryAfterSeconds: number }
  /** Past TOKEN_DAILY_REQUESTS. */
  | { kind: 'daily'; retryAfterSeconds: number; dailyRequests: number }
  /** The shared store cannot be reached and the proxy is set to refuse rather than guess. */
  | { kind: 'unavailable' };

/** How the limits describe themselves in /api/health. */
export type LimitsHealth =
  | { store: 'memory'; perMinute: number; dailyRequests: number | null }
  | {
      store: 'redis';
      perMinute: number;
      dailyRequests: number | null;
      /** False while Redis cannot be reached. */
      reachable: boolean;
      /** What happens to /api calls while it cannot: refused, or limited by each instance on its own. */
      whenUnreachable: 'refuse' | 'per-instance';
    };

/** Per-client request budgets: a rate per minute and an optional count per 24 hours. */
export interface RequestLimits {
  /** Takes one request from `clientKey`'s budgets (the per-minute one first; the daily one only if that allows it). */
  take(clientKey: string): Promise<LimitDecision>;
  /** Settles once the store has first connected or first failed to (a proxy starts either way). */
  ready(): Promise<void>;
  /** The health document's `limits` field. */
  health(): LimitsHealth;
  /** Lets go of the store's connections. */
  close(): Promise<void>;
}

/** The budgets every store enforces. */
export interface Budgets {
  perMinute: number;
  /** null: no daily budget. */
  dailyRequests: number | null;
}
