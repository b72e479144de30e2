// The speech worker's scheduling: two lanes of requests (voice activity, then Kokoro), each kept in arrival order,
// handled strictly one at a time so two ONNX runs never overlap, the urgent lane first whenever the runner is free.

/** A runner that takes requests as they arrive. */
export interface TwoLaneRunner<T> {
  /** Queues a request; it runs after the one running now and every earlier urgent one. Resolves once it has run. */
  push(item: T): Promise<void>;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

/**
 * Runs `handle` on one item at a time: urgent items (per `isUrgent`) before the others, each lane first in, first out.
 * Warning: `handle` must not throw; a rejection is swallowed so one broken request cannot stop every later one.
 */
export function createTwoLaneRunner<T>(isUrgent: (item: T) => boolean, handle: (item: T) => Promise<void>): TwoLaneRunner<T> {
  interface Queued {
    item: T;
    done: () => void;
  }
  const urgent: Queued[] = [];
  const normal: Queued[] = [];
  let running: Promise<void> | null = null;
  const drain = async (): Promise<void> => {
    for (let next = urgent.shift() ?? normal.shift(); next !== undefined; next = urgent.shift() ?? normal.shift()) {
      await handle(next.item).catch(() => undefined);
      next.done();
    }
    running = null;
  };
  return {
    push(item) {
      return new Promise<void>((done) => {
        (isUrgent(item) ? urgent : normal).push({ item, done });
        running ??= drain();
      });
    },
    idle: async () => {
      while (running) await running;
    },
  };
}
