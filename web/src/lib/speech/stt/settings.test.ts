// Settings: defaults are the seed's, a corrupt or foreign value falls back field by field, and the model list
// is the one the proxy accepts.
import { describe, expect, it } from 'vitest';
import { WHISPER_MODELS as PROXY_MODELS } from '../../../../../proxy/src/routes/runpod/request.ts';
import { languagesByName, WHISPER_LANGUAGES, WHISPER_MODELS } from './languages.ts';
import { DEFAULT_STT_SETTINGS, loadSttSettings, parseSttSettings, saveSttSettings, STT_SETTINGS_KEY } from './settings.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

describe('STT settings', () => {
  it('defaults to RunPod where the server has it and the seed: Whisper small, English; auto-finish off; Done sends; recordings kept', () => {
    expect(DEFAULT_STT_SETTINGS).toEqual({ engine: 'runpod', language: 'en', model: 'small', autoFinishSeconds: null, deviceId: null, reviewSpokenAnswer: false, keepAnswerAudio: true });
    expect(loadSttSettings(memoryStorage())).toEqual(DEFAULT_STT_SETTINGS);
  });

  it('saves and loads every field', () => {
    const storage = memoryStorage();
    const settings = { engine: 'device' as const, language: 'de', model: 'turbo' as const, autoFinishSeconds: 4, deviceId: 'mic-2', reviewSpokenAnswer: true, keepAnswerAudio: false };
    expect(saveSttSettings(settings, storage)).toBe(true);
    expect(JSON.parse(storage.data.get(STT_SETTINGS_KEY) ?? '')).toEqual(settings);
    expect(loadSttSettings(storage)).toEqual(settings);
  });

  it('keeps valid fields of a bad value and replaces the rest', () => {
    expect(parseSttSettings({ engine: 'cloud', language: 'klingon', model: 'huge', autoFinishSeconds: 1, deviceId: 7, reviewSpokenAnswer: 'yes', keepAnswerAudio: 'no' })).toEqual(DEFAULT_STT_SETTINGS);
    expect(parseSttSettings({ language: null, model: 'tiny', autoFinishSeconds: 10 })).toEqual({ engine: 'runpod', language: null, model: 'tiny', autoFinishSeconds: 10, deviceId: null, reviewSpokenAnswer: false, keepAnswerAudio: true });
    // Settings saved before the review choice existed keep today's default: Done sends.
    expect(parseSttSettings({ language: 'en', model: 'small', autoFinishSeconds: null, deviceId: null }).reviewSpokenAnswer).toBe(false);
    expect(loadSttSettings(memoryStorage({ [STT_SETTINGS_KEY]: '{not json' }))).toEqual(DEFAULT_STT_SETTINGS);
  });

  it('remembers the settings in memory when storage refuses them', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    expect(saveSttSettings({ ...DEFAULT_STT_SETTINGS, model: 'base' }, refusing)).toBe(false);
    expect(loadSttSettings(refusing).model).toBe('base');
  });

  it('offers exactly the models the proxy accepts, and language codes its schema accepts', () => {
    expect([...WHISPER_MODELS]).toEqual([...PROXY_MODELS]);
    for (const code of Object.keys(WHISPER_LANGUAGES)) expect(code).toMatch(/^[a-z]{2,3}$/);
    expect(Object.keys(WHISPER_LANGUAGES)).toHaveLength(100);
    expect(languagesByName()[0]).toEqual({ code: 'af', name: 'Afrikaans' });
    const names = languagesByName().map((language) => language.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });
});
