// Loading on the best backend: WASM alone without WebGPU or when asked, both timed on their second warm-up run for
// 'auto', the loser freed, and a backend that cannot load or run never taking the other down with it.
import { describe, expect, it } from 'vitest';
import type { RecognizerDevice } from './backend.ts';
import { loadOnBest, type LoadOnBestDeps } from './load-on-best.ts';

interface FakeModel {
  device: RecognizerDevice;
  runs: number;
  disposed: boolean;
  dispose(): Promise<void>;
}

/** Deps whose models take `ms[device]` per warm-up run after a slower first run; a device in `broken` fails. */
function depsWith(options: { gpu: boolean; ms: Record<RecognizerDevice, number>; broken?: Partial<Record<RecognizerDevice, 'load' | 'run'>> }) {
  const loaded: FakeModel[] = [];
  const deps: LoadOnBestDeps<FakeModel> = {
    hasWebGpu: async () => options.gpu,
    load: async (device) => {
      if (options.broken?.[device] === 'load') throw new Error(`${device} could not load`);
      const model: FakeModel = { device, runs: 0, disposed: false, dispose: async () => void (model.disposed = true) };
      loaded.push(model);
      return model;
    },
    timeWarmup: async (model) => {
      if (options.broken?.[model.device] === 'run') throw new Error(`${model.device} could not run`);
      model.runs += 1;
      return model.runs === 1 ? options.ms[model.device] * 10 : options.ms[model.device];
    },
  };
  return { deps, loaded };
}

describe('loadOnBest', () => {
  it('loads on WASM alone, untimed, without a WebGPU adapter or when asked for WASM', async () => {
    for (const [gpu, choice] of [[false, 'auto'], [true, 'wasm'], [false, 'webgpu']] as const) {
      const { deps, loaded } = depsWith({ gpu, ms: { webgpu: 1, wasm: 100 } });
      const result = await loadOnBest(choice, deps);
      expect([result.device, result.warmupMs, loaded.map((model) => model.device), result.model.runs]).toEqual(['wasm', null, ['wasm'], 0]);
    }
  });

  it("times both for 'auto' by their second run, keeps the faster and frees the other", async () => {
    const gpuWins = depsWith({ gpu: true, ms: { webgpu: 40, wasm: 300 } });
    const first = await loadOnBest('auto', gpuWins.deps);
    expect([first.device, first.warmupMs]).toEqual(['webgpu', { webgpu: 40, wasm: 300 }]);
    expect(gpuWins.loaded.map((model) => [model.device, model.disposed])).toEqual([
      ['webgpu', false],
      ['wasm', true],
    ]);
    const wasmWins = depsWith({ gpu: true, ms: { webgpu: 500, wasm: 300 } });
    const second = await loadOnBest('auto', wasmWins.deps);
    expect([second.device, second.model.disposed, wasmWins.loaded[0]!.disposed]).toEqual(['wasm', false, true]);
  });

  it('keeps WASM when WebGPU cannot load or run, and WebGPU when WASM cannot', async () => {
    for (const broken of ['load', 'run'] as const) {
      const { deps, loaded } = depsWith({ gpu: true, ms: { webgpu: 1, wasm: 300 }, broken: { webgpu: broken } });
      const result = await loadOnBest('auto', deps);
      expect([result.device, result.warmupMs]).toEqual(['wasm', { webgpu: null, wasm: 300 }]);
      expect(loaded.filter((model) => model.device === 'webgpu').every((model) => model.disposed)).toBe(true);
    }
    const { deps } = depsWith({ gpu: true, ms: { webgpu: 50, wasm: 1 }, broken: { wasm: 'load' } });
    expect((await loadOnBest('auto', deps)).device).toBe('webgpu');
  });

  it('falls back to WASM when a remembered WebGPU no longer loads, and fails plainly when nothing loads', async () => {
    const { deps } = depsWith({ gpu: true, ms: { webgpu: 1, wasm: 1 }, broken: { webgpu: 'load' } });
    expect((await loadOnBest('webgpu', deps)).device).toBe('wasm');
    const nothing = depsWith({ gpu: true, ms: { webgpu: 1, wasm: 1 }, broken: { webgpu: 'load', wasm: 'load' } });
    await expect(loadOnBest('auto', nothing.deps)).rejects.toThrow('wasm could not load');
  });
});
