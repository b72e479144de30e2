// The recognizer models this device may download and which one a language uses: Moonshine (English only, base or
// tiny) for English, Whisper base (multilingual) for every other language, with their weights and download sizes.

/** The Moonshine models offered on this device: base (the default, ~120 MB) and tiny (lighter, ~50 MB). */
export const MOONSHINE_MODELS = { base: 'onnx-community/moonshine-base-ONNX', tiny: 'onnx-community/moonshine-tiny-ONNX' } as const;

/** What each size downloads (fp32 encoder + q8 decoder), in bytes, and the files whose presence means it is stored. */
export const MOONSHINE_DOWNLOADS = {
  base: { bytes: 120_000_000, files: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_quantized.onnx'] },
  tiny: { bytes: 50_000_000, files: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged_quantized.onnx'] },
} as const;

/** A Moonshine size. */
export type MoonshineSize = keyof typeof MOONSHINE_MODELS;

/**
 * fp32 encoder + q8 decoder on WASM.
 * Warning: some quantized Moonshine dtype combinations give empty text; change these only with a check on the real model.
 */
export const MOONSHINE_DTYPE = { encoder_model: 'fp32', decoder_model_merged: 'q8' } as const;

/** Whisper base, multilingual, q8 encoder and decoder (~77 MB): the device's model for languages other than English. */
export const WHISPER_BASE = {
  id: 'onnx-community/whisper-base',
  bytes: 77_000_000,
  files: ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
  dtype: { encoder_model: 'q8', decoder_model_merged: 'q8' },
} as const;

/** One recognizer model on this device: its id, name, family, weights and first download. */
export interface DeviceModel {
  id: string;
  /** Its name, for the candidate. */
  label: string;
  family: 'moonshine' | 'whisper';
  dtype: { encoder_model: 'fp32' | 'q8'; decoder_model_merged: 'fp32' | 'q8' };
  bytes: number;
  files: readonly string[];
}

/**
 * The model for an answer in `language`: Moonshine `englishSize` for English, Whisper base for any other language.
 * Warning: null ("detect") means English here: transformers.js 3.8.1's Whisper does not detect languages (it assumes English).
 */
export function deviceModelFor(language: string | null, englishSize: MoonshineSize = 'base'): DeviceModel {
  if (language === null || language === 'en') {
    return { id: MOONSHINE_MODELS[englishSize], label: `Moonshine ${englishSize}`, family: 'moonshine', dtype: MOONSHINE_DTYPE, ...MOONSHINE_DOWNLOADS[englishSize] };
  }
  return { id: WHISPER_BASE.id, label: 'Whisper base', family: 'whisper', dtype: WHISPER_BASE.dtype, bytes: WHISPER_BASE.bytes, files: WHISPER_BASE.files };
}

/** The model `id` names (any language that uses it), or undefined for an id this device does not offer. */
export function deviceModelById(id: string): DeviceModel | undefined {
  if (id === WHISPER_BASE.id) return deviceModelFor('de');
  const size = (Object.keys(MOONSHINE_MODELS) as MoonshineSize[]).find((key) => MOONSHINE_MODELS[key] === id);
  return size ? deviceModelFor('en', size) : undefined;
}
