// What every main-thread worker client needs from a Worker: the three-file pattern's typed port (tests pass fakes).

/** The part of a Worker a client uses, typed by its protocol's messages. */
export interface WorkerPort<ToWorker, FromWorker> {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Why a worker failed, in words: an Error's or an ErrorEvent's message, else what usually causes a bare failure. */
export function describeWorkerFailure(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause && typeof cause.message === 'string' && cause.message) {
    return cause.message;
  }
  return 'no details (blocked, missing or broken script)';
}

/** What a client does with its worker's replies and with a worker that broke. */
export interface WorkerWatch<FromWorker> {
  onReply: (reply: FromWorker) => void;
  /** The worker could not start, stopped, or sent a reply that cannot be read; `detail` is worded for people. */
  onBroken: (kind: 'stopped' | 'unreadable', detail: string) => void;
}

/** Wires a worker's message, error and messageerror events to a client (the error is handled here, not logged). */
export function watchWorker<ToWorker, FromWorker>(worker: WorkerPort<ToWorker, FromWorker>, watch: WorkerWatch<FromWorker>): void {
  worker.addEventListener('message', (event) => watch.onReply(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    watch.onBroken('stopped', describeWorkerFailure(event));
  });
  worker.addEventListener('messageerror', () => watch.onBroken('unreadable', 'the reply could not be read'));
}
