// Test doubles for the speech worker: a port that answers like speech.worker.ts (in order), or as a test tells it.
import type { SpeechWorkerPort } from './speech.client.ts';
import type { FromWorker, ToWorker } from './speech.protocol.ts';

type Listener = (event: never) => void;

/** A fake worker: `answer` gives each message's replies, delivered in a microtask; tests can emit errors too. */
export class FakeSpeechWorker implements SpeechWorkerPort {
  /** Every message posted, with what it transferred. */
  readonly received: { message: ToWorker; transfer: Transferable[] }[] = [];
  readonly #listeners = new Map<string, Listener[]>();
  /** Whether the host stopped it. */
  terminated = false;
  readonly #answer: (message: ToWorker) => FromWorker[];

  constructor(answer: (message: ToWorker) => FromWorker[]) {
    this.#answer = answer;
  }

  /** Records the message and queues its replies. */
  postMessage(message: ToWorker, transfer: Transferable[]): void {
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
export function fakeWorkers(answer: (message: ToWorker) => FromWorker[]): { start: () => FakeSpeechWorker; started: FakeSpeechWorker[] } {
  const started: FakeSpeechWorker[] = [];
  return {
    start: () => {
      const worker = new FakeSpeechWorker(answer);
      started.push(worker);
      return worker;
    },
    started,
  };
}
