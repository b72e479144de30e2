// Table tests for reading and keeping the voice settings.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPEECH_SETTINGS } from './types.ts';
import { loadSpeechSettings, parseSpeechSettings, saveSpeechSettings, VOICE_SETTINGS_KEY } from './voice-settings.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

describe('parseSpeechSettings', () => {
  it.each([
    ['nothing saved', null, DEFAULT_SPEECH_SETTINGS],
    ['not an object', 'loud', DEFAULT_SPEECH_SETTINGS],
    ['a full valid set', { mode: 'browser', voice: 'bm_george', speed: 1.2, volume: 0.5, muted: true, device: 'wasm', source: 'this-server' }, { mode: 'browser', voice: 'bm_george', speed: 1.2, volume: 0.5, muted: true, device: 'wasm', source: 'this-server' }],
    ['speed above the range is clamped', { speed: 3 }, { ...DEFAULT_SPEECH_SETTINGS, speed: 1.5 }],
    ['speed below the range is clamped', { speed: 0.1 }, { ...DEFAULT_SPEECH_SETTINGS, speed: 0.7 }],
    ['volume is clamped to 0..1', { volume: -2 }, { ...DEFAULT_SPEECH_SETTINGS, volume: 0 }],
    ['an unknown mode falls back alone', { mode: 'shout', voice: 'af_heart' }, { ...DEFAULT_SPEECH_SETTINGS, voice: 'af_heart' }],
    ['a voice id of the wrong shape falls back', { voice: '../etc/passwd' }, DEFAULT_SPEECH_SETTINGS],
    ['a voice kokoro-js does not know falls back', { voice: 'af_nobody' }, DEFAULT_SPEECH_SETTINGS],
    ['NaN speed falls back', { speed: Number.NaN }, DEFAULT_SPEECH_SETTINGS],
  ])('%s', (_name, value, expected) => {
    expect(parseSpeechSettings(value)).toEqual(expected);
  });
});

describe('loading and saving', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage();
    const settings = { ...DEFAULT_SPEECH_SETTINGS, voice: 'af_nicole', muted: true };
    saveSpeechSettings(storage, settings);
    expect(JSON.parse(storage.items.get(VOICE_SETTINGS_KEY) ?? '')).toEqual(settings);
    expect(loadSpeechSettings(storage)).toEqual(settings);
  });

  it('gives the defaults for corrupt JSON or no storage, and survives a storage that throws', () => {
    expect(loadSpeechSettings(memoryStorage({ [VOICE_SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_SPEECH_SETTINGS);
    expect(loadSpeechSettings(null)).toEqual(DEFAULT_SPEECH_SETTINGS);
    const full = { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => saveSpeechSettings(full, DEFAULT_SPEECH_SETTINGS)).not.toThrow();
  });
});
