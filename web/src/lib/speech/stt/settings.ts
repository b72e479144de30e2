// The candidate's listening settings (engine, language, Whisper model, auto-finish, microphone, review before
// sending, keeping their own recordings), kept in localStorage.
// Pure parsing over an injected storage: a broken or old value falls back to the seed's defaults field by field.
import type { SttEngineKind } from './engine.ts';
import { WHISPER_LANGUAGES, WHISPER_MODELS, type WhisperModel } from './languages.ts';

/** How the candidate's voice is transcribed. */
export interface SttSettings {
  /** The engine the candidate prefers; RunPod is used only where the server has it. */
  engine: SttEngineKind;
  /** A Whisper language code, or null to let Whisper detect it. */
  language: string | null;
  model: WhisperModel;
  /** Seconds of silence after which the answer finishes by itself; null (the default) never does. */
  autoFinishSeconds: number | null;
  /** The chosen microphone's deviceId; null for the system default. */
  deviceId: string | null;
  /** Whether a spoken answer waits in the answer box to be edited and sent; false (the default) sends it at "Done". */
  reviewSpokenAnswer: boolean;
  /** Keep a compressed recording of each spoken answer on this device, to hear again (on unless the candidate says no). */
  keepAnswerAudio: boolean;
}

/**
 * RunPod where the server has it (so an existing setup keeps its multilingual Whisper), the seed's Whisper `small` in
 * English; auto-finish off (never cut off a candidate who is thinking); "Done" sends; recordings kept.
 */
export const DEFAULT_STT_SETTINGS: SttSettings = {
  engine: 'runpod',
  language: 'en',
  model: 'small',
  autoFinishSeconds: null,
  deviceId: null,
  reviewSpokenAnswer: false,
  keepAnswerAudio: true,
};

/** The silences the candidate may choose for auto-finish, in seconds. */
export const AUTO_FINISH_CHOICES = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The localStorage key of the settings. */
export const STT_SETTINGS_KEY = 'xquizit:stt-settings';

/** The part of Web Storage the settings use. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads settings from an untrusted value (JSON from storage), keeping each valid field. */
export function parseSttSettings(value: unknown): SttSettings {
  const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const engine = input.engine === 'device' || input.engine === 'runpod' ? input.engine : DEFAULT_STT_SETTINGS.engine;
  const language = input.language === null ? null : typeof input.language === 'string' && input.language in WHISPER_LANGUAGES ? input.language : DEFAULT_STT_SETTINGS.language;
  const model = WHISPER_MODELS.includes(input.model as WhisperModel) ? (input.model as WhisperModel) : DEFAULT_STT_SETTINGS.model;
  const seconds = input.autoFinishSeconds;
  const autoFinishSeconds = typeof seconds === 'number' && (AUTO_FINISH_CHOICES as readonly number[]).includes(seconds) ? seconds : null;
  const deviceId = typeof input.deviceId === 'string' && input.deviceId !== '' ? input.deviceId : null;
  const reviewSpokenAnswer = typeof input.reviewSpokenAnswer === 'boolean' ? input.reviewSpokenAnswer : DEFAULT_STT_SETTINGS.reviewSpokenAnswer;
  const keepAnswerAudio = typeof input.keepAnswerAudio === 'boolean' ? input.keepAnswerAudio : DEFAULT_STT_SETTINGS.keepAnswerAudio;
  return { engine, language, model, autoFinishSeconds, deviceId, reviewSpokenAnswer, keepAnswerAudio };
}

// The last settings storage refused to keep (privacy modes, a full disk); null once a save succeeds.
let memory: SttSettings | null = null;

/** Loads the settings (defaults when storage is empty, unreadable or corrupt). */
export function loadSttSettings(storage: SettingsStorage | null = defaultStorage()): SttSettings {
  try {
    const raw = storage?.getItem(STT_SETTINGS_KEY);
    if (raw) return parseSttSettings(JSON.parse(raw) as unknown);
  } catch {
    // Unreadable or corrupt: fall through.
  }
  return memory ? { ...memory } : { ...DEFAULT_STT_SETTINGS };
}

/** Saves the settings; false when storage refused (they then last until the page closes). */
export function saveSttSettings(settings: SttSettings, storage: SettingsStorage | null = defaultStorage()): boolean {
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(STT_SETTINGS_KEY, JSON.stringify(settings));
    memory = null;
    return true;
  } catch {
    memory = { ...settings };
    return false;
  }
}

function defaultStorage(): SettingsStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
