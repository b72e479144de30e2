// Which ONNX Runtime backend runs Kokoro on this browser, and whether it can run at all. Pure: the browser's
// `navigator.gpu` and `WebAssembly.validate` come in as arguments.
import { assertNever } from '../../common/index.ts';
import { hasWebGpuAdapter, type GpuProbe } from '../onnx/index.ts';
import type { TtsDevice } from './types.ts';

/** What the settings may ask for. */
export type DeviceChoice = TtsDevice | 'auto';

/**
 * The device to load: WebGPU when asked for ('webgpu' or 'auto') and an adapter is there, else WASM.
 * Warning: an explicit 'webgpu' without an adapter also gives 'wasm'; a session on a missing GPU only fails later.
 */
export function resolveDevice(choice: DeviceChoice, webGpuAdapter: boolean): TtsDevice {
  switch (choice) {
    case 'wasm':
      return 'wasm';
    case 'webgpu':
    case 'auto':
      return webGpuAdapter ? 'webgpu' : 'wasm';
    default:
      return assertNever(choice, 'device');
  }
}

/** `resolveDevice` with the adapter looked up (pass `navigator.gpu`). */
export async function chooseDevice(choice: DeviceChoice, gpu: GpuProbe | undefined): Promise<TtsDevice> {
  if (choice === 'wasm') return 'wasm';
  return resolveDevice(choice, await hasWebGpuAdapter(gpu));
}

// (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)): a tiny module that only validates with SIMD.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

/** Why Kokoro cannot run here, or null when it can. */
export type KokoroBlocker = 'no-webassembly' | 'no-wasm-simd' | null;

/**
 * Whether this browser can run Kokoro at all. Both backends need WASM with SIMD (ONNX Runtime's only build here is
 * `ort-wasm-simd-threaded`; WebGPU runs on top of it). Pass `globalThis.WebAssembly`.
 */
export function kokoroBlocker(webAssembly: { validate(bytes: BufferSource): boolean } | undefined): KokoroBlocker {
  if (!webAssembly) return 'no-webassembly';
  try {
    return webAssembly.validate(SIMD_PROBE) ? null : 'no-wasm-simd';
  } catch {
    return 'no-wasm-simd';
  }
}

/** A sentence for the candidate when Kokoro cannot run. */
export function blockerMessage(blocker: Exclude<KokoroBlocker, null>): string {
  switch (blocker) {
    case 'no-webassembly':
      return 'The natural voice needs WebAssembly, which this browser does not run.';
    case 'no-wasm-simd':
      return 'The natural voice needs WebAssembly SIMD, which this browser lacks.';
    default:
      return assertNever(blocker, 'blocker');
  }
}
