// What the speech worker's model handlers share: the worker's scope, the one ONNX Runtime (the very module
// transformers.js imports) and the thread count it started with.
import { configureOnnxWasm, type GpuProbe, type OnnxWasmEnv, type OrtRuntime } from '../onnx/index.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

/** The worker's global scope as far as the handlers use it (the DOM lib types `self` as a window). */
export interface WorkerScope {
  crossOriginIsolated: boolean;
  navigator: { hardwareConcurrency?: number; gpu?: GpuProbe };
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}

/** The shared runtime of every model in the worker. */
export class SharedRuntime {
  /**
   * ONNX Runtime's WASM thread count once a model has loaded. Warning: the runtime reads it only when it starts (the
   * first session of any model), so a later model must not configure a different one.
   */
  threads: number | null = null;

  constructor(
    readonly scope: WorkerScope,
    readonly ort: OrtRuntime,
  ) {}

  /** This device's cores, as the browser reports them. */
  get cores(): number {
    return this.scope.navigator.hardwareConcurrency ?? 1;
  }

  /** Points `env` (ONNX Runtime's or transformers.js' view of it) at this origin's WASM, unless the runtime has started. */
  configure(env: OnnxWasmEnv, origin: string): void {
    if (this.threads === null) configureOnnxWasm(env, { origin, crossOriginIsolated: this.scope.crossOriginIsolated, cores: this.cores });
  }

  /** Records the thread count the runtime started with (after a model's first session). */
  started(): void {
    this.threads ??= this.ort.env.wasm.numThreads ?? 1;
  }

  /** Posts a reply to the page. */
  post(message: WorkerReply, transfer?: Transferable[]): void {
    this.scope.postMessage(message, transfer);
  }
}

/** An error's message, for a reply. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
