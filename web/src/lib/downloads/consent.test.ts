// The download rule: ask only for a large, not yet stored model on a metered connection.
import { describe, expect, it } from 'vitest';
import { ASK_ABOVE_BYTES, downloadDecision, formatDownloadSize, isMetered, type ConnectionInfo } from './consent.ts';

const MODEL = 120_000_000;

describe('downloadDecision', () => {
  it.each<[string, ConnectionInfo | undefined, 'download' | 'ask']>([
    ['no Network Information API (Firefox, Safari)', undefined, 'download'],
    ['wifi', { type: 'wifi', effectiveType: '4g', saveData: false }, 'download'],
    ['a fast connection of unknown type', { effectiveType: '4g' }, 'download'],
    ['Save-Data on', { saveData: true, effectiveType: '4g' }, 'ask'],
    ['cellular', { type: 'cellular', effectiveType: '4g' }, 'ask'],
    ['3g', { effectiveType: '3g' }, 'ask'],
    ['2g', { effectiveType: '2g' }, 'ask'],
    ['slow-2g', { effectiveType: 'slow-2g' }, 'ask'],
  ])('a model not yet stored on %s: %s', (_name, connection, expected) => {
    expect(downloadDecision({ connection, cached: false, bytes: MODEL })).toBe(expected);
  });

  it('never asks about a model already in Cache Storage, even with Save-Data on a cellular connection', () => {
    expect(downloadDecision({ connection: { saveData: true, type: 'cellular', effectiveType: '2g' }, cached: true, bytes: MODEL })).toBe('download');
  });

  it('does not ask about a small download on a metered connection', () => {
    expect(downloadDecision({ connection: { saveData: true }, cached: false, bytes: ASK_ABOVE_BYTES - 1 })).toBe('download');
    expect(downloadDecision({ connection: { saveData: true }, cached: false, bytes: ASK_ABOVE_BYTES })).toBe('ask');
  });
});

describe('isMetered', () => {
  it('reads Save-Data, a cellular type and a 2g/3g speed; nothing else', () => {
    expect(isMetered({ saveData: false, type: 'ethernet', effectiveType: '4g' })).toBe(false);
    expect(isMetered({ saveData: true })).toBe(true);
    expect(isMetered({ type: 'cellular' })).toBe(true);
    expect(isMetered({ effectiveType: '3g' })).toBe(true);
  });
});

describe('formatDownloadSize', () => {
  it('states whole megabytes, never 0', () => {
    expect(formatDownloadSize(120_000_000)).toBe('120 MB');
    expect(formatDownloadSize(92_400_000)).toBe('92 MB');
    expect(formatDownloadSize(20_000)).toBe('1 MB');
  });
});
