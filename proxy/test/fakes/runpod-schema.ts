// The shapes RunPod's faster-whisper worker takes (rp_schema.py) and the API's own check of a /run or /runsync body.

/** Whisper models the faster-whisper worker can load (predict.py AVAILABLE_MODELS). */
export const WHISPER_MODELS = ['tiny', 'base', 'small', 'medium', 'large-v1', 'large-v2', 'large-v3', 'turbo'] as const;

type TextFormat = 'plain_text' | 'formatted_text' | 'srt' | 'vtt';

/** The worker's `input` once it passed the worker's checks (runpod-worker.ts). */
export interface WhisperInput {
  audio?: string | null;
  audio_base64?: string | null;
  model?: (typeof WHISPER_MODELS)[number];
  transcription?: TextFormat;
  translate?: boolean;
  translation?: TextFormat;
  language?: string | null;
  temperature?: number;
  best_of?: number;
  beam_size?: number;
  patience?: number;
  length_penalty?: number;
  suppress_tokens?: string;
  initial_prompt?: string | null;
  condition_on_previous_text?: boolean;
  temperature_increment_on_fallback?: number;
  compression_ratio_threshold?: number;
  logprob_threshold?: number;
  no_speech_threshold?: number;
  enable_vad?: boolean;
  word_timestamps?: boolean;
}

/** A job request's optional `policy` (RunPod's execution policies). */
export interface JobPolicy {
  /** Milliseconds the job may live in all, queue included (10 000 to 7 days). */
  ttl?: number;
  /** Milliseconds the worker may run it (over 5 000). */
  executionTimeout?: number;
  lowPriority?: boolean;
}

/** Checks what the RunPod API itself checks of a body: an object with an object `input` and a sane `policy`. */
export function checkRunBody(body: unknown): { ok: true; input: Record<string, unknown>; policy: JobPolicy } | { ok: false; message: string } {
  if (!isObject(body) || !isObject(body['input'])) return { ok: false, message: "The request body must be an object with an 'input' object." };
  const policy = body['policy'] ?? {};
  if (!isObject(policy)) return { ok: false, message: 'policy must be an object' };
  const { ttl, executionTimeout } = policy;
  if (ttl !== undefined && (typeof ttl !== 'number' || ttl < 10_000 || ttl > 7 * 24 * 3600 * 1000)) return { ok: false, message: 'policy.ttl must be between 10000 ms and one week' };
  if (executionTimeout !== undefined && (typeof executionTimeout !== 'number' || executionTimeout <= 5000)) return { ok: false, message: 'policy.executionTimeout must be over 5000 ms' };
  return { ok: true, input: body['input'], policy: policy as JobPolicy };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
