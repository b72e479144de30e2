// Test doubles for the speech worker: a port that answers like ../speech.worker.ts (in order), or as a test tells it.
// A test types the messages with the protocols of the models it drives.
import type { WorkerReply, WorkerRequest } from './protocol.ts';
import type { SpeechWorkerPort } from './speech.client.ts';

type Listener = (event: never) => void;

/** A fake worker: `answer` gives each message's replies, delivered in a microtask; tests can emit errors too. */
export class FakeSpeechWorker<In extends WorkerRequest = WorkerRequest, Out extends WorkerReply = WorkerReply> implements SpeechWorkerPort {
  /** Every message posted, with what it transferred. */
  readonly received: { message: In; transfer: Transferable[] }[] = [];
  readonly #listeners = new Map<string, Listener[]>();
  /** Whether the host stopped it. */
  terminated = false;
  readonly #answer: (message: In) => Out[];

  constructor(answer: (message: In) => Out[]) {
    this.#answer = answer;
  }

  /** Records the message and queues its replies. */
  postMessage(request: WorkerRequest, transfer: Transferable[]): void {
    const message = request as In;
    this.received.push({ message, transfer });
    const replies = this.#answer(message);
    queueMicrotask(() => {
      for (const reply of replies) this.emit('message', { data: reply });
    });
  }

  /** Adds a listener, as a Worker does. */
  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  /** Marks the fake stopped. */
  terminate(): void {
    this.terminated = true;
  }

  /** Delivers an event (message, error, messageerror) to the listeners. */
  emit(type: string, event: object): void {
    for (const listener of this.#listeners.get(type) ?? []) listener({ preventDefault() {}, ...event } as never);
  }

  /** The types of the messages received, in order. */
  types(): string[] {
    return this.received.map((entry) => entry.message.type);
  }
}

/** A host over fake workers made by `answer`; `started` lists every worker it started. */
export function fakeWorkers<In extends WorkerRequest, Out extends WorkerReply>(answer: (message: In) => Out[]): { start: () => FakeSpeechWorker<In, Out>; started: FakeSpeechWorker<In, Out>[] } {
  const started: FakeSpeechWorker<In, Out>[] = [];
  return {
    start: () => {
      const worker = new FakeSpeechWorker<In, Out>(answer);
      started.push(worker);
      return worker;
    },
    started,
  };
}
