// Table tests for the backend choice and the WASM SIMD check.
import { describe, expect, it } from 'vitest';
import type { GpuProbe } from '../onnx/index.ts';
import { blockerMessage, chooseDevice, kokoroBlocker, resolveDevice } from './device.ts';

describe('resolveDevice', () => {
  it.each([
    ['auto', true, 'webgpu'],
    ['auto', false, 'wasm'],
    ['webgpu', true, 'webgpu'],
    ['webgpu', false, 'wasm'],
    ['wasm', true, 'wasm'],
    ['wasm', false, 'wasm'],
  ] as const)('%s with adapter=%s → %s', (choice, adapter, device) => {
    expect(resolveDevice(choice, adapter)).toBe(device);
  });
});

describe('chooseDevice', () => {
  it('asks the GPU only when WebGPU could be used', async () => {
    let asked = 0;
    const gpu: GpuProbe = {
      requestAdapter: async () => {
        asked += 1;
        return {};
      },
    };
    expect(await chooseDevice('wasm', gpu)).toBe('wasm');
    expect(asked).toBe(0);
    expect(await chooseDevice('auto', gpu)).toBe('webgpu');
    expect(await chooseDevice('auto', undefined)).toBe('wasm');
    expect(asked).toBe(1);
  });
});

describe('kokoroBlocker', () => {
  it.each([
    ['this runtime (SIMD on)', WebAssembly, null],
    ['no WebAssembly', undefined, 'no-webassembly'],
    ['no SIMD', { validate: () => false }, 'no-wasm-simd'],
    ['validate throws', { validate: () => { throw new Error('x'); } }, 'no-wasm-simd'],
  ] as const)('%s → %s', (_, webAssembly, expected) => {
    expect(kokoroBlocker(webAssembly)).toBe(expected);
  });

  it('has a sentence for each blocker', () => {
    expect(blockerMessage('no-webassembly')).toMatch(/WebAssembly/);
    expect(blockerMessage('no-wasm-simd')).toMatch(/SIMD/);
  });
});
