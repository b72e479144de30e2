// Public face of the shared ONNX Runtime: its WASM settings, the runtime's shape, and whether WebGPU is there.
export { hasWebGpuAdapter, type GpuProbe } from './webgpu.ts';
export { configureOnnxWasm, onnxThreadCount, onnxWasmPaths, type OnnxWasmEnv, type OnnxWasmSettings, type OrtRuntime } from './runtime.ts';
