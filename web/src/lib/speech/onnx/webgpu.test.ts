// Whether a WebGPU adapter is there: no navigator.gpu, no adapter and a refusing browser all mean no.
import { describe, expect, it } from 'vitest';
import { hasWebGpuAdapter, type GpuProbe } from './webgpu.ts';

const gpuWith = (adapter: unknown): GpuProbe => ({ requestAdapter: async () => adapter });
const brokenGpu: GpuProbe = {
  requestAdapter: async () => {
    throw new Error('blocked');
  },
};

describe('hasWebGpuAdapter', () => {
  it.each([
    ['no navigator.gpu', undefined, false],
    ['no adapter', gpuWith(null), false],
    ['an adapter', gpuWith({}), true],
    ['requestAdapter throws', brokenGpu, false],
  ] as const)('%s → %s', async (_, gpu, expected) => {
    expect(await hasWebGpuAdapter(gpu)).toBe(expected);
  });
});
