// The on-device recognizer's core: which Moonshine model and weights, how many tokens a clip may produce, and one
// clip through a transformers.js automatic-speech-recognition pipeline. Runs in the speech worker (and in Node tests).
import { pipeline, type AutomaticSpeechRecognitionPipeline, type PretrainedModelOptions } from '@huggingface/transformers';

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

/** Moonshine's decoder positions (max_position_embeddings); generation may not go past them. */
export const MOONSHINE_MAX_TOKENS = 194;

/**
 * The most tokens a clip of `samples` (16 kHz) may produce: 8 a second plus 8, up to the decoder's positions.
 * Warning: transformers.js 3.8.1 defaults to floor(seconds) × 6, which gives a 0.8 s clip no tokens at all.
 */
export function maxNewTokens(samples: number): number {
  return Math.min(MOONSHINE_MAX_TOKENS - 1, Math.ceil((samples / 16_000) * 8) + 8);
}

/** Where and how the recognizer runs, and where its download progress goes. */
export type RecognizerOptions = Pick<PretrainedModelOptions, 'device' | 'progress_callback'>;

// Warning: `pipeline` typed with every task's options makes TypeScript give up ("union type too complex"): one task here.
const createRecognizer = pipeline as (task: 'automatic-speech-recognition', model: string, options: PretrainedModelOptions) => Promise<AutomaticSpeechRecognitionPipeline>;

/** Loads Moonshine `modelId` (from wherever transformers.js' env points) with the pinned weights. */
export function loadRecognizer(modelId: string, options: RecognizerOptions = {}): Promise<AutomaticSpeechRecognitionPipeline> {
  return createRecognizer('automatic-speech-recognition', modelId, { ...options, dtype: MOONSHINE_DTYPE });
}

/** One clip (16 kHz floats) to text, whitespace tidied; an empty clip gives '' without running the model. */
export async function recognize(asr: AutomaticSpeechRecognitionPipeline, samples: Float32Array): Promise<string> {
  if (samples.length === 0) return '';
  const output = await asr(samples, { max_new_tokens: maxNewTokens(samples.length) });
  const text = Array.isArray(output) ? output.map((part) => part.text).join(' ') : output.text;
  return text.replace(/\s+/g, ' ').trim();
}
