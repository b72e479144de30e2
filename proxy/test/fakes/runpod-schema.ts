// The input schema of RunPod's faster-whisper worker (its rp_schema.py) as valibot, and the
// worker-style message for input that breaks it.
import * as v from 'valibot';

/** Whisper models the faster-whisper worker can load. */
export const WHISPER_MODELS = ['tiny', 'base', 'small', 'medium', 'large-v1', 'large-v2', 'large-v3', 'turbo'] as const;

const int = v.pipe(v.number(), v.integer());
const TextFormat = v.picklist(['plain_text', 'formatted_text', 'srt', 'vtt']);

/** The worker's `input`; unknown fields are rejected, as the RunPod SDK validator does. */
export const WhisperInputSchema = v.pipe(
  v.strictObject({
    audio: v.optional(v.pipe(v.string(), v.url())),
    audio_base64: v.optional(v.pipe(v.string(), v.nonEmpty('audio_base64 is empty'), v.base64())),
    model: v.optional(v.picklist(WHISPER_MODELS)),
    transcription: v.optional(TextFormat),
    translate: v.optional(v.boolean()),
    translation: v.optional(TextFormat),
    language: v.optional(v.nullable(v.string())),
    temperature: v.optional(v.number()),
    best_of: v.optional(int),
    beam_size: v.optional(int),
    patience: v.optional(v.number()),
    length_penalty: v.optional(v.number()),
    suppress_tokens: v.optional(v.string()),
    initial_prompt: v.optional(v.nullable(v.string())),
    condition_on_previous_text: v.optional(v.boolean()),
    temperature_increment_on_fallback: v.optional(v.number()),
    compression_ratio_threshold: v.optional(v.number()),
    logprob_threshold: v.optional(v.number()),
    no_speech_threshold: v.optional(v.number()),
    enable_vad: v.optional(v.boolean()),
    word_timestamps: v.optional(v.boolean()),
  }),
  v.check(
    (input) => (input.audio === undefined) !== (input.audio_base64 === undefined),
    "Must provide either 'audio' or 'audio_base64', not both.",
  ),
);

/** A worker input that passed validation. */
export type WhisperInput = v.InferOutput<typeof WhisperInputSchema>;

/** Validates a `/run` or `/runsync` body `{ input: {...} }`. */
export function checkRunBody(body: unknown): { ok: true; input: WhisperInput } | { ok: false; message: string } {
  if (body === null || typeof body !== 'object' || !('input' in body)) {
    return { ok: false, message: "The request body must be an object with an 'input' field." };
  }
  const result = v.safeParse(WhisperInputSchema, body.input);
  if (result.success) return { ok: true, input: result.output };
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path === null ? issue.message : `${path}: ${issue.message}`;
  });
  return { ok: false, message: problems.join('; ') };
}
