// What every main-thread worker client needs from a Worker: the three-file pattern's typed port (tests pass fakes).

/** The part of a Worker a client uses, typed by its protocol's messages. */
export interface WorkerPort<ToWorker, FromWorker> {
  postMessage(message: ToWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}
