// Choosing the recognizer's backend: the faster by the warm-up (WASM on a tie or when WebGPU fails), the warm-up clip
// the same everywhere and not silence, and the choice remembered per model, surviving broken storage.
import { describe, expect, it } from 'vitest';
import { fasterDevice, RECOGNIZER_DEVICE_KEY, RememberedDevices, WARMUP_SECONDS, warmupClip } from './backend.ts';

describe('fasterDevice', () => {
  it.each([
    [{ webgpu: 90, wasm: 300 }, 'webgpu'],
    [{ webgpu: 300, wasm: 90 }, 'wasm'],
    [{ webgpu: 100, wasm: 100 }, 'wasm'],
    [{ webgpu: null, wasm: 90 }, 'wasm'],
    [{ webgpu: 90, wasm: null }, 'webgpu'],
    [{ webgpu: null, wasm: null }, null],
  ] as const)('%o → %s', (timings, expected) => {
    expect(fasterDevice(timings)).toBe(expected);
  });
});

describe('warmupClip', () => {
  it('is two seconds of sound at 16 kHz, quiet, the same each time', () => {
    const clip = warmupClip();
    expect(clip).toHaveLength(WARMUP_SECONDS * 16_000);
    const peak = clip.reduce((max, sample) => Math.max(max, Math.abs(sample)), 0);
    expect(peak).toBeGreaterThan(0.05);
    expect(peak).toBeLessThan(0.5);
    expect(warmupClip()).toEqual(clip);
  });
});

describe('RememberedDevices', () => {
  const memoryStorage = (initial: Record<string, string> = {}) => {
    const stored = new Map(Object.entries(initial));
    return { stored, storage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) } };
  };

  it("asks for 'auto' until a backend won, then for the winner, per model; null forgets", () => {
    const { storage } = memoryStorage();
    const devices = new RememberedDevices(storage);
    expect(devices.choiceFor('a')).toBe('auto');
    devices.set('a', 'webgpu');
    devices.set('b', 'wasm');
    expect([devices.choiceFor('a'), devices.choiceFor('b'), devices.choiceFor('c')]).toEqual(['webgpu', 'wasm', 'auto']);
    devices.set('a', null);
    expect(new RememberedDevices(storage).choiceFor('a')).toBe('auto');
    expect(new RememberedDevices(storage).choiceFor('b')).toBe('wasm');
  });

  it.each(['not json', '[1]', 'null', '{"a":"cuda"}'])("reads %s as nothing remembered", (raw) => {
    const { storage } = memoryStorage({ [RECOGNIZER_DEVICE_KEY]: raw });
    expect(new RememberedDevices(storage).choiceFor('a')).toBe('auto');
  });

  it('works without storage, and when storage refuses to keep it', () => {
    expect(new RememberedDevices(null).choiceFor('a')).toBe('auto');
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const devices = new RememberedDevices(refusing);
    expect(() => devices.set('a', 'webgpu')).not.toThrow();
    expect(devices.choiceFor('a')).toBe('auto');
  });
});
