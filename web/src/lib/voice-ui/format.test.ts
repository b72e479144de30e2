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
    [{ kind: 'fallback', reason: 'The download failed.', browserVoice: true } as const, 'The natural voice could not be used: The download failed. Your browser’s own voice speaks instead.'],
    [{ kind: 'fallback', reason: 'The download failed.', browserVoice: false } as const, 'The natural voice could not be used: The download failed. Questions are shown as text only.'],
    [{ kind: 'off', reason: null } as const, 'Voice off: questions are shown as text only.'],
  ])('%j', (status, text) => {
    expect(statusText(status)).toBe(text);
  });
});
