// Main-thread side of the one speech worker: starts it on the first request (Kokoro's load, the microphone's
// voice-activity model or the recognizer, whichever comes first), pairs replies with requests, and tells every
// client when the worker broke so each can drop what it had loaded. Each model's client speaks its own protocol
// through it; this host knows only ids and progress.
import { describeWorkerFailure, watchWorker, type WorkerPort } from '../../workers/index.ts';
import { isProgressReply, type ProgressReply, type WorkerReply, type WorkerRequest } from './protocol.ts';

/** The part of a Worker the host uses; tests pass a fake. */
export type SpeechWorkerPort = WorkerPort<WorkerRequest, WorkerReply>;

/** The worker could not start, crashed, or sent a reply that could not be read; its requests fail with this. */
export class SpeechWorkerError extends Error {
  override name = 'SpeechWorkerError';
}

/** Starts the real worker. Vite bundles ../speech.worker.ts with kokoro-js, transformers.js and ONNX Runtime. */
export function startSpeechWorker(): SpeechWorkerPort {
  return new Worker(new URL('../speech.worker.ts', import.meta.url), { type: 'module', name: 'speech' });
}

/** A request's answer in the protocol `Reply`: any of its replies but progress, which goes to the request's own listener. */
export type SpeechReply<Reply extends WorkerReply> = Exclude<Reply, ProgressReply>;

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: unknown) => void;
  onProgress: ((reply: ProgressReply) => void) | undefined;
}

/** How a host is made. */
export interface SpeechWorkerOptions {
  /** Starts a worker (default: the real one). */
  start?: () => SpeechWorkerPort;
}

/** Owns the page's speech worker; clients send requests through it. */
export class SpeechWorker {
  readonly #start: () => SpeechWorkerPort;
  #worker: SpeechWorkerPort | null = null;
  readonly #pending = new Map<number, Pending>();
  readonly #brokenListeners = new Set<() => void>();
  #nextId = 1;

  constructor(options: SpeechWorkerOptions = {}) {
    this.#start = options.start ?? startSpeechWorker;
  }

  /**
   * Sends a request built around a fresh id and resolves with its reply (a `failed` reply included), read as one of
   * the protocol `Reply` the request belongs to (the worker answers each request from its model's protocol). Rejects
   * with SpeechWorkerError when the worker cannot start, does not take the message, or breaks before answering.
   */
  request<Reply extends WorkerReply>(
    build: (id: number) => WorkerRequest,
    transfer: Transferable[] = [],
    onProgress?: (reply: Extract<Reply, ProgressReply>) => void,
  ): Promise<SpeechReply<Reply>> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      this.#pending.set(id, { resolve: (reply) => resolve(reply as SpeechReply<Reply>), reject, onProgress: onProgress as Pending['onProgress'] });
      this.#send(build(id), transfer, (error) => {
        this.#pending.delete(id);
        reject(error);
      });
    });
  }

  /** Sends a message that has no reply (unload, reset). Throws SpeechWorkerError when the worker cannot start. */
  post(build: (id: number) => WorkerRequest): void {
    this.#send(build(this.#nextId++), [], (error) => {
      throw error;
    });
  }

  /** Stops waiting for requests a client gave up on: each rejects with `error`; a late reply is ignored. */
  cancel(ids: Iterable<number>, error: unknown): void {
    for (const id of ids) {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      pending?.reject(error);
    }
  }

  /** Calls `listener` each time the worker broke (everything it had loaded is gone); returns the unsubscribe function. */
  onBroken(listener: () => void): () => void {
    this.#brokenListeners.add(listener);
    return () => this.#brokenListeners.delete(listener);
  }

  /** Stops the worker (page teardown, tests); pending requests reject. The next request starts a fresh one. */
  terminate(): void {
    this.#fail(new SpeechWorkerError('The voice engine was stopped.'));
  }

  #send(message: WorkerRequest, transfer: Transferable[], refuse: (error: SpeechWorkerError) => void): void {
    let worker: SpeechWorkerPort;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      refuse(new SpeechWorkerError(`The voice engine could not start: ${describeWorkerFailure(error)}`));
      return;
    }
    try {
      worker.postMessage(message, transfer);
    } catch (error) {
      refuse(new SpeechWorkerError(`The voice engine did not take the request: ${describeWorkerFailure(error)}`));
    }
  }

  #ensureWorker(): SpeechWorkerPort {
    if (this.#worker) return this.#worker;
    const worker = this.#start();
    watchWorker(worker, {
      onReply: (reply) => this.#settle(reply),
      onBroken: (kind, detail) =>
        this.#fail(new SpeechWorkerError(kind === 'stopped' ? `The voice engine could not start or stopped: ${detail}` : 'The voice engine sent a reply that could not be read.'), worker),
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    if (isProgressReply(reply)) {
      pending.onProgress?.(reply);
      return;
    }
    this.#pending.delete(reply.id);
    pending.resolve(reply);
  }

  #fail(error: SpeechWorkerError, worker: SpeechWorkerPort | null = this.#worker): void {
    if (worker !== this.#worker || !worker) return;
    worker.terminate();
    this.#worker = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) entry.reject(error);
    for (const listener of this.#brokenListeners) listener();
  }
}

let shared: SpeechWorker | null = null;

/** The page's one speech worker host, made on first use (its worker starts with the first request). */
export function sharedSpeechWorker(): SpeechWorker {
  shared ??= new SpeechWorker();
  return shared;
}

