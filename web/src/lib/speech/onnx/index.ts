// Public face of the shared ONNX Runtime settings.
export { configureOnnxWasm, onnxThreadCount, onnxWasmPaths, type OnnxWasmEnv, type OnnxWasmSettings } from './runtime.ts';
