// Loads the recognizer on the backend a load asks for; for 'auto' where WebGPU exists, on both, each timed on the same
// warm-up clip (its second run: the first compiles shaders and fills caches), keeping the faster and freeing the
// other. WebGPU that cannot load or run leaves WASM; WASM that cannot leaves WebGPU where it ran.
import { fasterDevice, type RecognizerDevice, type RecognizerDeviceChoice, type WarmupTimings } from './backend.ts';

/** A loaded model that can be freed. */
export interface Disposable {
  dispose(): Promise<unknown>;
}

/** What choosing needs: the adapter check, a load on one backend, and one timed run of the warm-up clip (ms). */
export interface LoadOnBestDeps<Model extends Disposable> {
  hasWebGpu: () => Promise<boolean>;
  load: (device: RecognizerDevice) => Promise<Model>;
  timeWarmup: (model: Model) => Promise<number>;
}

/** The model loaded, where it runs, and the warm-up timings when both backends were timed. */
export interface LoadedOnBest<Model> {
  model: Model;
  device: RecognizerDevice;
  warmupMs: WarmupTimings | null;
}

/** Loads on `choice` ('auto': the faster backend by the warm-up where WebGPU exists, else WASM). */
export async function loadOnBest<Model extends Disposable>(choice: RecognizerDeviceChoice, deps: LoadOnBestDeps<Model>): Promise<LoadedOnBest<Model>> {
  if (choice === 'wasm' || !(await deps.hasWebGpu())) return { model: await deps.load('wasm'), device: 'wasm', warmupMs: null };
  if (choice === 'webgpu') {
    const model = await deps.load('webgpu').catch(() => null);
    return model ? { model, device: 'webgpu', warmupMs: null } : { model: await deps.load('wasm'), device: 'wasm', warmupMs: null };
  }
  const gpu = await timed('webgpu', deps);
  const cpu = await timed('wasm', deps);
  const timings: WarmupTimings = { webgpu: gpu?.ms ?? null, wasm: cpu?.ms ?? null };
  const winner = fasterDevice(timings);
  const [kept, freed] = winner === 'webgpu' ? [gpu, cpu] : [cpu, gpu];
  await freed?.model.dispose().catch(() => undefined);
  if (!kept || !winner) return { model: await deps.load('wasm'), device: 'wasm', warmupMs: null };
  return { model: kept.model, device: winner, warmupMs: timings };
}

/** The model on `device` with its second warm-up run's time, or null (freed) where it could not load or run. */
async function timed<Model extends Disposable>(device: RecognizerDevice, deps: LoadOnBestDeps<Model>): Promise<{ model: Model; ms: number } | null> {
  let model: Model | null = null;
  try {
    model = await deps.load(device);
    await deps.timeWarmup(model);
    return { model, ms: await deps.timeWarmup(model) };
  } catch {
    await model?.dispose().catch(() => undefined);
    return null;
  }
}
