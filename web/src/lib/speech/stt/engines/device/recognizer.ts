// The on-device recognizer's core: how many tokens a clip may produce, and one clip through a transformers.js
// automatic-speech-recognition pipeline (Moonshine, or Whisper with the answer's language). Runs in the speech worker
// (and in Node tests).
import { pipeline, type AutomaticSpeechRecognitionPipeline, type PretrainedModelOptions } from '@huggingface/transformers';
import { deviceModelById } from './models.ts';

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

/** Whisper's decoder positions (max_target_positions), the 4-token prefix included. */
export const WHISPER_MAX_TOKENS = 448;

/**
 * The most tokens Whisper may write for a clip: 16 a second plus 16 (subword tokens of any language, well above
 * speech), so a run that repeats itself on noise stops early instead of filling all 448 positions.
 */
export function whisperMaxNewTokens(samples: number): number {
  return Math.min(WHISPER_MAX_TOKENS - 4, Math.ceil((samples / 16_000) * 16) + 16);
}

/** Loads `modelId` (one of this device's models, from wherever transformers.js' env points) with its pinned weights. */
export function loadRecognizer(modelId: string, options: RecognizerOptions = {}): Promise<AutomaticSpeechRecognitionPipeline> {
  const model = deviceModelById(modelId);
  if (!model) return Promise.reject(new Error(`${modelId} is not a speech recognition model this app offers`));
  return createRecognizer('automatic-speech-recognition', modelId, { ...options, dtype: model.dtype });
}

/**
 * One clip (16 kHz floats) to text, whitespace tidied; an empty clip gives '' without running the model. Whisper
 * transcribes in `language` (English when null); Moonshine is English only and ignores it.
 * Warning: 3.8.1 ignores Whisper's `prompt_ids`, so the answer so far cannot steer it.
 */
export async function recognize(asr: AutomaticSpeechRecognitionPipeline, samples: Float32Array, language: string | null = null): Promise<string> {
  if (samples.length === 0) return '';
  const whisper = asr.model.config.model_type === 'whisper';
  const options = whisper ? { language: language ?? 'en', task: 'transcribe' as const, max_new_tokens: whisperMaxNewTokens(samples.length) } : { max_new_tokens: maxNewTokens(samples.length) };
  const output = await asr(samples, options);
  const text = Array.isArray(output) ? output.map((part) => part.text).join(' ') : output.text;
  return text.replace(/\s+/g, ' ').trim();
}
