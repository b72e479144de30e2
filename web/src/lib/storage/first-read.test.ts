import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFirst } from './first-read.ts';

const never = () => new Promise<undefined>(() => undefined);

describe('readFirst', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves as soon as both reads have landed, with what they read', async () => {
    vi.useFakeTimers();
    const draft = { updatedAt: 1 } as never;
    const read = await readFirst({ draft: async () => draft, unfinished: async () => undefined }, 10_000);
    expect(await read.draft).toBe(draft);
    expect(await read.unfinished).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not wait past its limit for a read that hangs, and hands that read on still running', async () => {
    vi.useFakeTimers();
    let landed = false;
    const reading = readFirst({ draft: never, unfinished: async () => undefined }, 300).then((read) => {
      landed = true;
      return read;
    });
    await vi.advanceTimersByTimeAsync(299);
    expect(landed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(landed).toBe(true);
    const settled = await Promise.race([(await reading).draft.then(() => 'settled'), Promise.resolve('running')]);
    expect(settled).toBe('running');
  });

  it('draws on after a failed read: the failure stays with the read, for its user to report', async () => {
    const failure = new Error('IndexedDB is unavailable');
    const read = await readFirst({ draft: () => Promise.reject(failure), unfinished: async () => undefined }, 10_000);
    await expect(read.draft).rejects.toBe(failure);
  });
});
