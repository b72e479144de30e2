// The public face where no worker can start (Node has no Worker): a reader-failed problem, never a throw.
import { afterEach, describe, expect, it } from 'vitest';
import { disposePdfReader, extractPdf, warmPdfReader } from './index.ts';

afterEach(() => {
  disposePdfReader();
});

describe('extractPdf', () => {
  it('answers reader-failed when the worker cannot start', async () => {
    expect(typeof globalThis.Worker).toBe('undefined');
    await expect(extractPdf(new ArrayBuffer(4), {})).resolves.toEqual({
      ok: false,
      code: 'reader-failed',
    });
  });
});

describe('warmPdfReader', () => {
  it('rejects with the reason when the worker cannot start', async () => {
    await expect(warmPdfReader()).rejects.toThrow(/The PDF reader could not start: Worker is not defined/);
  });
});
