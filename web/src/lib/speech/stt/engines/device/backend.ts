// Where the recognizer runs on this device: WebGPU or WASM (the processor), chosen by timing the same warm-up clip
// on both where a WebGPU adapter exists (small models are often faster on WASM), and remembered per model so the
// next visit loads on the winner alone. Pure but for the storage it is given.

/** An ONNX Runtime backend the recognizer can run on. */
export type RecognizerDevice = 'webgpu' | 'wasm';

/** What a load asks for: a backend, or 'auto' (time both where WebGPU exists). */
export type RecognizerDeviceChoice = RecognizerDevice | 'auto';

/** Each backend's time for the warm-up clip (ms); null where it could not load or run. */
export interface WarmupTimings {
  webgpu: number | null;
  wasm: number | null;
}

/** The warm-up clip's length. */
export const WARMUP_SECONDS = 2;

/**
 * The warm-up clip: two seconds of a quiet vowel-like sound (a 140 Hz buzz with its harmonics, rising and falling
 * every half second), the same on every device, so each backend runs the encoder and a few decoder steps.
 */
export function warmupClip(sampleRate = 16_000): Float32Array {
  const samples = new Float32Array(WARMUP_SECONDS * sampleRate);
  for (let index = 0; index < samples.length; index += 1) {
    const time = index / sampleRate;
    const envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * 2 * time);
    let sample = 0;
    for (let harmonic = 1; harmonic <= 5; harmonic += 1) sample += Math.sin(2 * Math.PI * 140 * harmonic * time) / harmonic;
    samples[index] = 0.1 * envelope * sample;
  }
  return samples;
}

/** The faster backend by the warm-up, WASM on a tie or when WebGPU did not run; null when neither ran. */
export function fasterDevice(timings: WarmupTimings): RecognizerDevice | null {
  if (timings.webgpu !== null && (timings.wasm === null || timings.webgpu < timings.wasm)) return 'webgpu';
  return timings.wasm === null ? null : 'wasm';
}

/** The localStorage key of the backends chosen so far, per model id. */
export const RECOGNIZER_DEVICE_KEY = 'xquizit:stt-device';

/** Remembers which backend won for each model on this browser. */
export class RememberedDevices {
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | null;

  constructor(storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    this.#storage = storage;
  }

  /** What a load of `modelId` should ask for: the backend that won before, else 'auto'. */
  choiceFor(modelId: string): RecognizerDeviceChoice {
    const device = this.#read()[modelId];
    return device === 'webgpu' || device === 'wasm' ? device : 'auto';
  }

  /** Keeps `device` for `modelId`, or forgets it (null: the next load times both again). */
  set(modelId: string, device: RecognizerDevice | null): void {
    const all = this.#read();
    if (device) all[modelId] = device;
    else delete all[modelId];
    try {
      this.#storage?.setItem(RECOGNIZER_DEVICE_KEY, JSON.stringify(all));
    } catch {
      // Storage refused (privacy mode, full disk): the next visit times both again.
    }
  }

  #read(): Record<string, unknown> {
    try {
      const value: unknown = JSON.parse(this.#storage?.getItem(RECOGNIZER_DEVICE_KEY) ?? '{}');
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
    } catch {
      return {};
    }
  }
}
