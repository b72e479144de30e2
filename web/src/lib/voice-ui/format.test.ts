// The voice's status line and byte sizes.
import { describe, expect, it } from 'vitest';
import { formatBytes, statusText } from './format.ts';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1_500, '2 kB'],
    [92_361_116, '92.4 MB'],
  ])('%i → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('statusText', () => {
  it.each([
    [{ kind: 'idle' } as const, 'Natural voice: loads when the interview starts.'],
    [{ kind: 'loading', percent: 0, loaded: 0, total: 0, files: [] } as const, 'Loading the natural voice…'],
    [{ kind: 'loading', percent: 42, loaded: 42_000_000, total: 100_000_000, files: [] } as const, 'Loading the natural voice: 42% (42.0 MB of 100.0 MB)'],
    [{ kind: 'ready', label: 'kokoro · wasm q8 · 1 thread' } as const, 'Voice ready (kokoro · wasm q8 · 1 thread).'],
    [{ kind: 'fallback', reason: 'The voice model did not load: Failed to fetch', browserVoice: true } as const, 'Your browser’s own voice reads the questions: the natural voice could not be downloaded. Check your connection.'],
    [{ kind: 'fallback', reason: 'The download failed.', browserVoice: false } as const, 'Questions are shown as text only: the natural voice could not be downloaded. Check your connection.'],
    [{ kind: 'fallback', reason: 'no available backend found', browserVoice: true } as const, 'Your browser’s own voice reads the questions: the natural voice could not start on this device.'],
    [{ kind: 'off', reason: null } as const, 'Voice off: questions are shown as text only.'],
  ])('%j', (status, text) => {
    expect(statusText(status)).toBe(text);
  });
});
