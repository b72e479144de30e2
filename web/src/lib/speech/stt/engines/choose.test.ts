// The engine an answer uses: the candidate's choice, but never RunPod on a server without it.
import { describe, expect, it } from 'vitest';
import { engineToUse } from './choose.ts';

describe('engineToUse', () => {
  it.each([
    ['runpod', true, 'runpod'],
    ['device', true, 'device'],
    ['runpod', false, 'device'],
    ['device', false, 'device'],
  ] as const)('prefers %s, server has RunPod: %s → %s', (preferred, serverHasRunpod, expected) => {
    expect(engineToUse(preferred, serverHasRunpod)).toBe(expected);
  });
});
