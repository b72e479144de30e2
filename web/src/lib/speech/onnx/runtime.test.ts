// Table tests for the shared ONNX Runtime settings.
import { describe, expect, it } from 'vitest';
import { configureOnnxWasm, onnxThreadCount, type OnnxWasmEnv } from './runtime.ts';

describe('onnxThreadCount', () => {
  it.each([
    [false, 16, 1],
    [true, 1, 1],
    [true, 2, 1],
    [true, 4, 2],
    [true, 8, 4],
    [true, 32, 4],
  ])('isolated=%s with %i cores gives %i threads', (isolated, cores, threads) => {
    expect(onnxThreadCount(isolated, cores)).toBe(threads);
  });
});

describe('configureOnnxWasm', () => {
  it('points the runtime at our own origin and sets threads', () => {
    const env: OnnxWasmEnv = { wasm: {} };
    const settings = configureOnnxWasm(env, { origin: 'http://127.0.0.1:8787', crossOriginIsolated: true, cores: 8 });
    expect(env.wasm.wasmPaths).toEqual({ mjs: 'http://127.0.0.1:8787/ort/ort-wasm-simd-threaded.jsep.mjs', wasm: 'http://127.0.0.1:8787/ort/ort-wasm-simd-threaded.jsep.wasm' });
    expect(env.wasm.numThreads).toBe(4);
    expect(settings.threads).toBe(4);
  });
});
