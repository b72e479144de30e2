// The in-memory budgets with a controlled clock: per-minute windows, the daily budget, and how long to wait.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryLimits } from './memory.ts';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-01-05T10:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('memoryLimits', () => {
  it('allows the budget per minute, then says how long to wait, then resets', async () => {
    const limits = memoryLimits({ perMinute: 2, dailyRequests: null });
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
    vi.advanceTimersByTime(15_000);
    expect(await limits.take('a')).toEqual({ kind: 'per-minute', retryAfterSeconds: 45 });
    expect(await limits.take('b')).toEqual({ kind: 'allowed' });
    vi.advanceTimersByTime(45_000);
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
  });

  it('counts a daily budget across minutes, only for requests the per-minute limit let through', async () => {
    const limits = memoryLimits({ perMinute: 2, dailyRequests: 3 });
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
    expect((await limits.take('a')).kind).toBe('per-minute');
    vi.advanceTimersByTime(60_000);
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
    expect(await limits.take('a')).toEqual({ kind: 'daily', retryAfterSeconds: 24 * 3600 - 60, dailyRequests: 3 });
    expect(await limits.take('b')).toEqual({ kind: 'allowed' });
    vi.advanceTimersByTime((24 * 3600 - 60) * 1000);
    expect(await limits.take('a')).toEqual({ kind: 'allowed' });
  });

  it('describes itself for health', () => {
    expect(memoryLimits({ perMinute: 5, dailyRequests: 100 }).health()).toEqual({ store: 'memory', perMinute: 5, dailyRequests: 100 });
  });
});
