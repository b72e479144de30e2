// Per-client fixed-window request counting; pure, with the clock passed in.

/** The outcome of asking for one request's worth of budget. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts requests per key in one-minute windows and refuses those past the limit. */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s budget, or says how long to wait. */
  take(key: string): RateDecision {
    const now = this.now();
    const window = this.#windows.get(key);
    if (!window || now - window.start >= 60_000) {
      this.#sweep(now);
      this.#windows.set(key, { start: now, count: 1 });
      return { allowed: true };
    }
    if (window.count < this.perMinute) {
      window.count += 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)) };
  }

  #sweep(now: number): void {
    if (this.#windows.size < 10_000) return;
    for (const [key, window] of this.#windows) if (now - window.start >= 60_000) this.#windows.delete(key);
  }
}
