// The speech-to-text request the app may send, checked before it becomes a RunPod faster-whisper job.
import * as v from 'valibot';
import { ProxyError } from '../../http/errors.ts';

/** Whisper models the faster-whisper worker offers. */
export const WHISPER_MODELS = ['tiny', 'base', 'small', 'medium', 'large-v1', 'large-v2', 'large-v3', 'turbo'] as const;

/** A client's stable name for one clip: its retries resume the same RunPod job. */
export const CLIP_ID = /^[A-Za-z0-9_-]{8,64}$/;

const SttBody = v.strictObject({
  audio_base64: v.pipe(v.string(), v.nonEmpty('audio_base64 must not be empty'), v.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'audio_base64 must be base64')),
  model: v.optional(v.picklist(WHISPER_MODELS, `model must be one of ${WHISPER_MODELS.join(', ')}`)),
  language: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language must be a language code such as en'))),
  enable_vad: v.optional(v.boolean()),
  initial_prompt: v.optional(v.pipe(v.string(), v.maxLength(4000, 'initial_prompt must be at most 4000 characters'))),
  word_timestamps: v.optional(v.boolean()),
  no_speech_threshold: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  clip_id: v.optional(v.pipe(v.string(), v.regex(CLIP_ID, 'clip_id must be 8 to 64 letters, digits, - or _'))),
});

/** The worker input of a validated request (RunPod's `input`). */
export type WhisperJobInput = Omit<v.InferOutput<typeof SttBody>, 'clip_id'>;

/** A validated transcription request: the worker input and the client's clip id, if it sent one. */
export interface SttRequest {
  input: WhisperJobInput;
  clipId: string | undefined;
}

/** Validates the app's body; answers 400 naming the first problem. */
export function parseSttRequest(body: Record<string, unknown>): SttRequest {
  const result = v.safeParse(SttBody, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    throw new ProxyError(400, 'bad_request', `Invalid transcription request${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  const { clip_id: clipId, ...input } = result.output;
  return { input, clipId };
}
