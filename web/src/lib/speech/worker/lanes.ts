// The speech worker's scheduling: two lanes of requests (voice activity, then Kokoro), each kept in arrival order,
// handled strictly one at a time so two ONNX runs never overlap, the urgent lane first whenever the runner is free.

/** A runner that takes requests as they arrive. */
export interface TwoLaneRunner<T> {
  /** Queues a request; it runs after the one running now and every earlier urgent one. */
  push(item: T): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

/**
 * Runs `handle` on one item at a time: urgent items (per `isUrgent`) before the others, each lane first in, first out.
 * Warning: `handle` must not throw; a rejection is swallowed so one broken request cannot stop every later one.
 */
export function createTwoLaneRunner<T>(isUrgent: (item: T) => boolean, handle: (item: T) => Promise<void>): TwoLaneRunner<T> {
  const urgent: T[] = [];
  const normal: T[] = [];
  let running: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    for (let item = urgent.shift() ?? normal.shift(); item !== undefined; item = urgent.shift() ?? normal.shift()) {
      await handle(item).catch(() => undefined);
    }
    running = null;
  };
  return {
    push(item) {
      (isUrgent(item) ? urgent : normal).push(item);
      running ??= drain();
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
