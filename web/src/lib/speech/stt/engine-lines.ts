// The honest line on each speech-to-text engine in the microphone setup: which model, its download for the chosen
// language, its speed, its languages and where the audio goes.
import { deviceModelFor } from './engines/device/models.ts';
import { WHISPER_LANGUAGES } from './languages.ts';

/** "On this device": the model the language uses, its first download in MB, and that the voice stays here. */
export function deviceEngineLine(language: string | null): string {
  const model = deviceModelFor(language);
  const size = `${Math.round(model.bytes / 1_000_000)} MB`;
  const scope = model.family === 'moonshine' ? 'for English (answers in other languages use Whisper base, 77 MB)' : `for ${WHISPER_LANGUAGES[language ?? 'en'] ?? language}`;
  return `${model.label} ${scope}: a ${size} download the first time, then it works offline; it runs on the graphics card where that is faster than the processor, and how fast words appear depends on this device (slower on older phones). Your voice never leaves this device.`;
}

/** "On the server": Whisper on RunPod. */
export const SERVER_ENGINE_LINE =
  'Whisper on RunPod: about 100 languages, nothing to download, quick on any device. Your audio is sent through this server to RunPod for transcription.';
