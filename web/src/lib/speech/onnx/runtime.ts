// One ONNX Runtime for the voice (transformers.js) and the voice-activity model (vad-web): where its WASM comes
// from (our own origin, never a CDN) and how many threads it may use.

/** The subset of ONNX Runtime's `env` this module sets (the same object as `ort.env` and transformers.js' `env.backends.onnx`). */
export interface OnnxWasmEnv {
  wasm: {
    wasmPaths?: string | { mjs?: string | URL; wasm?: string | URL };
    numThreads?: number;
    proxy?: boolean;
  };
}

/** The part of onnxruntime-web the models' own sessions use (Silero's; transformers.js makes its own). */
export interface OrtRuntime {
  env: OnnxWasmEnv;
  InferenceSession: { create(model: Uint8Array, options?: { intraOpNumThreads?: number }): Promise<unknown> };
  Tensor: new (type: 'float32' | 'int64', data: Float32Array | bigint[], dims?: readonly number[]) => unknown;
}

/** URLs of the runtime's glue module and binary, served by build/speech-assets.ts. */
export function onnxWasmPaths(origin: string): { mjs: string; wasm: string } {
  return { mjs: `${origin}/ort/ort-wasm-simd-threaded.jsep.mjs`, wasm: `${origin}/ort/ort-wasm-simd-threaded.jsep.wasm` };
}

/**
 * Threads for WASM: only with cross-origin isolation (SharedArrayBuffer), at most 4, and leave a core for the page.
 * Warning: without isolation a thread count above 1 makes ONNX Runtime fail to start.
 */
export function onnxThreadCount(crossOriginIsolated: boolean, cores: number): number {
  if (!crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, Math.floor(cores / 2)));
}

/** What was configured, for the dev panel. */
export interface OnnxWasmSettings {
  threads: number;
  paths: { mjs: string; wasm: string };
}

/**
 * Points ONNX Runtime at our own WASM files and sets its thread count. Call before the first session is created.
 * The explicit `.mjs` path matters: with it, WASM threads are started from that file rather than from our bundle.
 */
export function configureOnnxWasm(env: OnnxWasmEnv, scope: { origin: string; crossOriginIsolated: boolean; cores: number }): OnnxWasmSettings {
  const paths = onnxWasmPaths(scope.origin);
  const threads = onnxThreadCount(scope.crossOriginIsolated, scope.cores);
  env.wasm.wasmPaths = paths;
  env.wasm.numThreads = threads;
  return { threads, paths };
}
