// The gate: downloads start at once where the rule says so, wait for the candidate's answer otherwise, one question at
// a time, and an accepted model is not asked about again.
import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from './consent.ts';
import { DownloadGate, type DownloadRequest } from './gate.svelte.ts';

function request(modelId: string): DownloadRequest {
  return { modelId, name: modelId, purpose: 'for a test', bytes: 120_000_000, files: ['onnx/model.onnx'], otherwise: 'You can type.' };
}

function gate(connection: ConnectionInfo | undefined, cached: readonly string[] = []) {
  return new DownloadGate({ connection: () => connection, isCached: async (modelId) => cached.includes(modelId) });
}

describe('DownloadGate', () => {
  it('allows at once on an unmetered connection, or when the model is stored', async () => {
    expect(await gate({ type: 'wifi' }).allow(request('a'))).toBe(true);
    expect(await gate({ saveData: true }, ['a']).allow(request('a'))).toBe(true);
  });

  it('waits for the answer with Save-Data on, and remembers an accepted download', async () => {
    const downloads = gate({ saveData: true });
    const first = downloads.allow(request('a'));
    await expect.poll(() => downloads.pending?.modelId).toBe('a');
    downloads.answer(true);
    expect(await first).toBe(true);
    expect(downloads.pending).toBeNull();
    expect(await downloads.allow(request('a'))).toBe(true);
    expect(downloads.pending).toBeNull();
  });

  it('"Not now" resolves false and asks again next time', async () => {
    const downloads = gate({ type: 'cellular' });
    const first = downloads.allow(request('a'));
    await expect.poll(() => downloads.pending?.modelId).toBe('a');
    downloads.answer(false);
    expect(await first).toBe(false);
    const second = downloads.allow(request('a'));
    await expect.poll(() => downloads.pending?.modelId).toBe('a');
    downloads.answer(true);
    expect(await second).toBe(true);
  });

  it('asks one question at a time, in order, and shares one question between callers of the same model', async () => {
    const downloads = gate({ effectiveType: '3g' });
    const voice = downloads.allow(request('voice'));
    const speech = downloads.allow(request('speech'));
    const speechAgain = downloads.allow(request('speech'));
    await expect.poll(() => downloads.pending?.modelId).toBe('voice');
    downloads.answer(false);
    await expect.poll(() => downloads.pending?.modelId).toBe('speech');
    downloads.answer(true);
    expect([await voice, await speech, await speechAgain]).toEqual([false, true, true]);
  });
});
