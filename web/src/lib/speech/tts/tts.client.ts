// Main-thread side of the Kokoro worker: the `Synthesizer` the speech pipeline uses. One worker per loaded model,
// typed promises answered in request order, samples received as transferred buffers, and clear errors when the
// worker cannot start or the model does not load.
import { TtsCommand, TtsErrorCode, TtsReply, type FromWorker, type ToWorker, type TtsErrorCodeValue } from './tts.protocol.ts';
import type { FileProgress, SynthesizedPiece, Synthesizer, TtsBackendInfo, TtsLoadOptions } from './types.ts';
import type { WorkerPort } from '../../workers/index.ts';

/** The part of a Worker the client uses; tests pass a fake. */
export type TtsWorkerPort = WorkerPort<ToWorker, FromWorker>;

/** A failed load or synthesis; `code` says which part broke (see TtsErrorCode). */
export class TtsEngineError extends Error {
  override name = 'TtsEngineError';
  readonly code: TtsErrorCodeValue;
  constructor(code: TtsErrorCodeValue, message: string) {
    super(message);
    this.code = code;
  }
}

/** Starts the real worker. Vite bundles tts.worker.ts with kokoro-js and transformers.js as a file of our origin. */
export function startTtsWorker(): TtsWorkerPort {
  return new Worker(new URL('./tts.worker.ts', import.meta.url), { type: 'module', name: 'kokoro-tts' });
}

/** How a client is made. */
export interface TtsClientOptions {
  /** Starts a worker (default: the real one). */
  start?: () => TtsWorkerPort;
  /** A fixed WASM thread count, for benchmarks; default: from cross-origin isolation and the cores. */
  threads?: number;
}

interface Pending {
  resolve: (reply: FromWorker) => void;
  reject: (error: TtsEngineError) => void;
}

interface LoadState {
  key: string;
  promise: Promise<TtsBackendInfo>;
  listeners: Set<(files: readonly FileProgress[]) => void>;
  loadId: number;
}

/** The Kokoro engine in a worker, behind the `Synthesizer` seam. */
export class TtsClient implements Synthesizer {
  readonly #start: () => TtsWorkerPort;
  readonly #threads: number | null;
  #worker: TtsWorkerPort | null = null;
  #load: LoadState | null = null;
  #info: TtsBackendInfo | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(options: TtsClientOptions = {}) {
    this.#start = options.start ?? startTtsWorker;
    this.#threads = options.threads ?? null;
  }

  /** What runs, once a load has succeeded; null before. */
  get info(): TtsBackendInfo | null {
    return this.#info;
  }

  /**
   * Loads the model in a fresh worker. The same options again share the first call's promise (and add `onProgress`);
   * other options stop the current worker, rejecting its pending calls, and load anew. A failed load stops its
   * worker, so the next call starts clean. Rejects with TtsEngineError 'worker-failed' or 'load-failed'.
   */
  load(options: TtsLoadOptions, onProgress: (files: readonly FileProgress[]) => void = () => {}): Promise<TtsBackendInfo> {
    const key = JSON.stringify([options.device, options.source, options.origin]);
    if (this.#load?.key === key) {
      this.#load.listeners.add(onProgress);
      return this.#load.promise;
    }
    if (this.#worker) this.#fail(new TtsEngineError(TtsErrorCode.worker, 'The voice engine was restarted with other settings.'));
    const listeners = new Set([onProgress]);
    const loadId = this.#nextId;
    const promise = this.#request((id) => ({ type: TtsCommand.load, id, options, threads: this.#threads }), []).then(
      (reply) => {
        if (reply.type !== TtsReply.loaded) throw new TtsEngineError(TtsErrorCode.load, `unexpected reply ${reply.type}`);
        this.#info = reply.info;
        return reply.info;
      },
      (error: TtsEngineError) => {
        // Calls queued behind a failed load cannot succeed: they fail with the load's reason.
        if (this.#load?.loadId === loadId) this.#fail(error);
        throw error;
      },
    );
    this.#load = { key, promise, listeners, loadId };
    return promise;
  }

  /**
   * Speaks `text` with a voice id (e.g. af_bella) at a speed (1 = normal). Answered in call order, after the load.
   * Rejects with TtsEngineError 'not-loaded' (no load yet), 'load-failed', 'synthesis-failed' or 'worker-failed'.
   */
  async synthesize(text: string, voice: string, speed: number): Promise<SynthesizedPiece> {
    if (!this.#load) throw new TtsEngineError(TtsErrorCode.notLoaded, 'Load the voice model before speaking.');
    const reply = await this.#request((id) => ({ type: TtsCommand.synthesize, id, text, voice, speed }), []);
    if (reply.type !== TtsReply.synthesized) throw new TtsEngineError(TtsErrorCode.synthesis, `unexpected reply ${reply.type}`);
    const { audio, sampleRate, synthesisMs, onnxMs } = reply;
    return onnxMs === undefined ? { audio, sampleRate, synthesisMs } : { audio, sampleRate, synthesisMs, onnxMs };
  }

  /** Stops the worker; pending calls reject with 'worker-failed'. The client can load again afterwards. */
  dispose(): void {
    this.#fail(new TtsEngineError(TtsErrorCode.worker, 'The voice engine was stopped.'));
  }

  #request(build: (id: number) => ToWorker, transfer: Transferable[]): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      let worker: TtsWorkerPort;
      try {
        worker = this.#ensureWorker();
      } catch (error) {
        reject(error);
        return;
      }
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      try {
        worker.postMessage(build(id), transfer);
      } catch (error) {
        this.#pending.delete(id);
        reject(new TtsEngineError(TtsErrorCode.worker, `The voice engine did not take the request: ${describe(error)}`));
      }
    });
  }

  #ensureWorker(): TtsWorkerPort {
    if (this.#worker) return this.#worker;
    let worker: TtsWorkerPort;
    try {
      worker = this.#start();
    } catch (error) {
      throw new TtsEngineError(TtsErrorCode.worker, `The voice engine could not start: ${describe(error)}`);
    }
    worker.addEventListener('message', (event) => this.#settle(event.data));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#fail(new TtsEngineError(TtsErrorCode.worker, `The voice engine could not start or stopped: ${describe(event)}`), worker);
    });
    worker.addEventListener('messageerror', () => {
      this.#fail(new TtsEngineError(TtsErrorCode.worker, 'The voice engine sent a reply that could not be read.'), worker);
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: FromWorker): void {
    if (reply.type === TtsReply.progress) {
      if (this.#load?.loadId !== reply.id) return;
      for (const listener of this.#load.listeners) listener(reply.files);
      return;
    }
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.type === TtsReply.failed) pending.reject(new TtsEngineError(reply.code, messageFor(reply.code, reply.message)));
    else pending.resolve(reply);
  }

  #fail(error: TtsEngineError, worker: TtsWorkerPort | null = this.#worker): void {
    if (worker !== this.#worker) return;
    worker?.terminate();
    this.#worker = null;
    this.#load = null;
    this.#info = null;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of pending) entry.reject(error);
  }
}

/**
 * Asks the browser not to evict this origin's storage under pressure: the model in Cache Storage (about 90 MB q8,
 * 330 MB fp32) and the interviews in IndexedDB. Main thread only; true when granted. Pass `navigator.storage`.
 */
export async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

function messageFor(code: TtsErrorCodeValue, detail: string): string {
  switch (code) {
    case TtsErrorCode.load:
      return `The voice model did not load: ${detail}`;
    case TtsErrorCode.notLoaded:
      return detail;
    case TtsErrorCode.synthesis:
      return `The voice could not speak this text: ${detail}`;
    case TtsErrorCode.worker:
      return `The voice engine broke: ${detail}`;
    default: {
      const unknown: never = code;
      return String(unknown);
    }
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause && typeof cause.message === 'string' && cause.message) {
    return cause.message;
  }
  return 'no details (blocked, missing or broken script)';
}
