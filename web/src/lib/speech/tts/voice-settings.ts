// The interviewer's voice settings kept on this device: parsed defensively (a bad or old value falls back to
// the default for that setting alone) and stored in localStorage.
import * as v from 'valibot';
import { DEFAULT_SPEECH_SETTINGS, type SpeechSettings } from './types.ts';
import { findVoice } from './voices.ts';

/** The localStorage key of the voice settings. */
export const VOICE_SETTINGS_KEY = 'xquizit.voice-settings';

/** Speed bounds the issue allows (Kokoro's own range is wider). */
export const SPEED_RANGE = { min: 0.7, max: 1.5 } as const;

const clamp = (min: number, max: number) => v.pipe(v.number(), v.finite(), v.transform((n) => Math.min(max, Math.max(min, n))));

const fields = {
  mode: v.picklist(['kokoro', 'browser', 'off']),
  // Only a voice kokoro-js knows: a saved id it no longer has would fail every synthesis.
  voice: v.pipe(v.string(), v.check((id) => findVoice(id) !== undefined)),
  speed: clamp(SPEED_RANGE.min, SPEED_RANGE.max),
  volume: clamp(0, 1),
  muted: v.boolean(),
  device: v.picklist(['auto', 'webgpu', 'wasm']),
  source: v.picklist(['auto', 'huggingface', 'this-server']),
} as const;

/** Reads settings from an untrusted value: each field that is missing or invalid takes its default. */
export function parseSpeechSettings(value: unknown): SpeechSettings {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const pick = <K extends keyof SpeechSettings>(key: K): SpeechSettings[K] => {
    const result = v.safeParse(fields[key], record[key]);
    return result.success ? (result.output as SpeechSettings[K]) : DEFAULT_SPEECH_SETTINGS[key];
  };
  return {
    mode: pick('mode'),
    voice: pick('voice'),
    speed: pick('speed'),
    volume: pick('volume'),
    muted: pick('muted'),
    device: pick('device'),
    source: pick('source'),
  };
}

/** The part of localStorage used here (injected in tests). */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The saved settings, or the defaults when none are saved or storage cannot be read. */
export function loadSpeechSettings(storage: SettingsStorage | null): SpeechSettings {
  try {
    const text = storage?.getItem(VOICE_SETTINGS_KEY);
    return parseSpeechSettings(text ? JSON.parse(text) : null);
  } catch {
    return { ...DEFAULT_SPEECH_SETTINGS };
  }
}

/** Saves the settings; a full or disabled storage only means they are not remembered. */
export function saveSpeechSettings(storage: SettingsStorage | null, settings: SpeechSettings): void {
  try {
    storage?.setItem(VOICE_SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Not remembered across visits; the voice still uses them now.
  }
}
