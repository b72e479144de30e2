// Main-thread side of Kokoro in the speech worker: the `Synthesizer` the speech pipeline uses. Typed promises
// answered in request order, samples received as transferred buffers, and clear errors when the worker cannot
// start or the model does not load. The worker is shared with the voice-activity model: this client never stops it.
import { SpeechWorkerError, sharedSpeechWorker, type SpeechReply, type SpeechWorker } from '../worker/index.ts';
import { TtsCommand, TtsErrorCode, TtsReply, type TtsErrorCodeValue, type TtsFromWorker, type TtsToWorker } from './kokoro.protocol.ts';
import type { FileProgress } from '../models/index.ts';
import type { SynthesizedPiece, Synthesizer, TtsBackendInfo, TtsLoadOptions } from './types.ts';

/** A failed load or synthesis; `code` says which part broke (see TtsErrorCode). */
export class TtsEngineError extends Error {
  override name = 'TtsEngineError';
  readonly code: TtsErrorCodeValue;
  constructor(code: TtsErrorCodeValue, message: string) {
    super(message);
    this.code = code;
  }
}

/** How a client is made. */
export interface TtsClientOptions {
  /** The speech worker host (default: the page's shared one). */
  worker?: SpeechWorker;
  /** A fixed WASM thread count, for benchmarks; default: from cross-origin isolation and the cores. */
  threads?: number;
}

interface LoadState {
  key: string;
  promise: Promise<TtsBackendInfo>;
  listeners: Set<(files: readonly FileProgress[]) => void>;
  loadId: number;
}

/** The Kokoro engine in the speech worker, behind the `Synthesizer` seam. */
export class TtsClient implements Synthesizer {
  readonly #worker: SpeechWorker;
  readonly #threads: number | null;
  #load: LoadState | null = null;
  #info: TtsBackendInfo | null = null;
  /** Requests this client still waits for, so a reload or dispose can fail them without touching the VAD's. */
  readonly #owed = new Set<number>();
  #unsubscribe: (() => void) | null = null;

  constructor(options: TtsClientOptions = {}) {
    this.#worker = options.worker ?? sharedSpeechWorker();
    this.#threads = options.threads ?? null;
  }

  /** What runs, once a load has succeeded; null before. */
  get info(): TtsBackendInfo | null {
    return this.#info;
  }

  /**
   * Loads the model in the speech worker (starting it if needed). The same options again share the first call's
   * promise (and add `onProgress`); other options fail this client's pending calls and make the worker replace its
   * model. A failed load fails the calls queued behind it, so the next call starts clean.
   * Rejects with TtsEngineError 'worker-failed' or 'load-failed'.
   */
  load(options: TtsLoadOptions, onProgress: (files: readonly FileProgress[]) => void = () => {}): Promise<TtsBackendInfo> {
    const key = JSON.stringify([options.device, options.source, options.origin]);
    if (this.#load?.key === key) {
      this.#load.listeners.add(onProgress);
      return this.#load.promise;
    }
    if (this.#load) this.#failOwed(new TtsEngineError(TtsErrorCode.worker, 'The voice engine was restarted with other settings.'));
    // A crashed worker lost the model: the next load starts from scratch.
    this.#unsubscribe ??= this.#worker.onBroken(() => this.#forget());
    const listeners = new Set([onProgress]);
    let loadId = 0;
    const promise = this.#request(
      (id) => {
        loadId = id;
        return { type: TtsCommand.load, id, options, threads: this.#threads };
      },
      (reply) => {
        for (const listener of listeners) listener(reply);
      },
    ).then(
      (reply) => {
        if (reply.type !== TtsReply.loaded) throw new TtsEngineError(TtsErrorCode.load, `unexpected reply ${reply.type}`);
        if (this.#load?.loadId === loadId) this.#info = reply.info;
        return reply.info;
      },
      (error: TtsEngineError) => {
        // Calls queued behind a failed load cannot succeed: they fail with the load's reason.
        if (this.#load?.loadId === loadId) {
          this.#load = null;
          this.#failOwed(error);
        }
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
    const reply = await this.#request((id) => ({ type: TtsCommand.synthesize, id, text, voice, speed }));
    if (reply.type !== TtsReply.synthesized) throw new TtsEngineError(TtsErrorCode.synthesis, `unexpected reply ${reply.type}`);
    const { audio, sampleRate, synthesisMs, onnxMs } = reply;
    return onnxMs === undefined ? { audio, sampleRate, synthesisMs } : { audio, sampleRate, synthesisMs, onnxMs };
  }

  /**
   * Frees the model in the worker (the worker keeps running for the voice-activity model); pending calls reject
   * with 'worker-failed'. The client can load again afterwards.
   */
  dispose(): void {
    const loaded = this.#load !== null;
    this.#failOwed(new TtsEngineError(TtsErrorCode.worker, 'The voice engine was stopped.'));
    this.#forget();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (!loaded) return;
    try {
      this.#worker.post((id) => ({ type: TtsCommand.unload, id }));
    } catch {
      // No worker to tell: nothing is loaded there.
    }
  }

  /** Sends one request; resolves with a Kokoro reply other than `failed`, rejects with TtsEngineError. */
  async #request(build: (id: number) => TtsToWorker, onProgress?: (files: readonly FileProgress[]) => void): Promise<Exclude<SpeechReply<TtsFromWorker>, { type: typeof TtsReply.failed }>> {
    let owed = 0;
    try {
      const reply = await this.#worker.request<TtsFromWorker>(
        (id) => {
          owed = id;
          this.#owed.add(id);
          return build(id);
        },
        [],
        onProgress && ((reply) => onProgress(reply.files)),
      );
      if (reply.type === TtsReply.failed) throw new TtsEngineError(reply.code, messageFor(reply.code, reply.message));
      return reply;
    } catch (error) {
      throw error instanceof SpeechWorkerError ? new TtsEngineError(TtsErrorCode.worker, error.message) : error;
    } finally {
      this.#owed.delete(owed);
    }
  }

  #failOwed(error: TtsEngineError): void {
    const owed = [...this.#owed];
    this.#owed.clear();
    this.#worker.cancel(owed, error);
  }

  #forget(): void {
    this.#load = null;
    this.#info = null;
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
