// Whether this browser (page or worker) has a usable WebGPU adapter for ONNX Runtime's WebGPU backend.

/** The part of `navigator.gpu` the check needs. */
export interface GpuProbe {
  requestAdapter(): Promise<unknown>;
}

/** Whether a WebGPU adapter is there (`navigator.gpu` may exist with no usable adapter, or throw). */
export async function hasWebGpuAdapter(gpu: GpuProbe | undefined): Promise<boolean> {
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) != null;
  } catch {
    return false;
  }
}
