// What RunPod's faster-whisper worker does with a job's input before it transcribes: runpod-python's validator
// (rp_validator.py) against the worker's rp_schema.py, then the handler's own checks (rp_handler.py,
// predict.py). Bad input is not an HTTP error: it becomes the job's result, as it does on RunPod.
import { WHISPER_MODELS, type WhisperInput } from './runpod-schema.ts';

/** How a job ends when the worker refuses its input. */
export type RefusedInput =
  /** The handler returned a string `error`, or raised: the job is FAILED with this `error`. */
  | { kind: 'failed'; error: string }
  /** The handler returned `{"error": [...]}` (validation errors): RunPod reports COMPLETED without output. */
  | { kind: 'completed-without-output'; validationErrors: string[] };

type PythonType = 'str' | 'bool' | 'int' | 'float';

// rp_schema.py: each field's type and whether its default is None (None then passes the type check).
const FIELDS: Record<string, { type: PythonType; noneDefault?: true }> = {
  audio: { type: 'str', noneDefault: true },
  audio_base64: { type: 'str', noneDefault: true },
  model: { type: 'str' },
  transcription: { type: 'str' },
  translate: { type: 'bool' },
  translation: { type: 'str' },
  language: { type: 'str', noneDefault: true },
  temperature: { type: 'float' },
  best_of: { type: 'int' },
  beam_size: { type: 'int' },
  patience: { type: 'float' },
  length_penalty: { type: 'float' },
  suppress_tokens: { type: 'str' },
  initial_prompt: { type: 'str', noneDefault: true },
  condition_on_previous_text: { type: 'bool' },
  temperature_increment_on_fallback: { type: 'float' },
  compression_ratio_threshold: { type: 'float' },
  logprob_threshold: { type: 'float' },
  no_speech_threshold: { type: 'float' },
  enable_vad: { type: 'bool' },
  word_timestamps: { type: 'bool' },
};

/** The worker's input after its checks, or how the job ends instead. */
export function checkWorkerInput(input: Record<string, unknown>): { ok: true; input: WhisperInput } | { ok: false; refused: RefusedInput } {
  const errors: string[] = [];
  for (const key of Object.keys(input)) if (!(key in FIELDS)) errors.push(`Unexpected input. ${key} is not a valid input option.`);
  for (const [key, rule] of Object.entries(FIELDS)) {
    if (!(key in input)) continue;
    const actual = pythonTypeOf(input[key]);
    if (actual === 'NoneType' && rule.noneDefault) continue;
    if (!accepts(rule.type, actual)) errors.push(`${key} should be <class '${rule.type}'> type, not <class '${actual}'>.`);
  }
  if (errors.length > 0) return { ok: false, refused: { kind: 'completed-without-output', validationErrors: errors } };

  const audio = input['audio'];
  const audioBase64 = input['audio_base64'];
  if (!audio && !audioBase64) return { ok: false, refused: { kind: 'failed', error: 'Must provide either audio or audio_base64' } };
  if (audio && audioBase64) return { ok: false, refused: { kind: 'failed', error: 'Must provide either audio or audio_base64, not both' } };
  if (typeof audioBase64 === 'string' && !isBase64(audioBase64)) {
    return { ok: false, refused: { kind: 'failed', error: handlerError('binascii.Error', 'Incorrect padding', 'base64_to_tempfile') } };
  }
  const model = input['model'] ?? 'base';
  if (!(WHISPER_MODELS as readonly unknown[]).includes(model)) {
    const available = `{${WHISPER_MODELS.map((name) => `'${name}'`).join(', ')}}`;
    return { ok: false, refused: { kind: 'failed', error: handlerError('ValueError', `Invalid model name: ${String(model)}. Available models are: ${available}`, 'predict') } };
  }
  return { ok: true, input: input as WhisperInput };
}

/**
 * The `error` of a job whose handler raised, as runpod-python's run_job writes it: Python's json.dumps of
 * error_type, error_message, error_traceback, hostname, worker_id and runpod_version.
 */
export function handlerError(pythonType: string, message: string, where = 'predict'): string {
  const info = {
    error_type: `<class '${pythonType}'>`,
    error_message: message,
    error_traceback: `Traceback (most recent call last):\n  File "/usr/local/lib/python3.11/dist-packages/runpod/serverless/modules/rp_job.py", line 255, in run_job\n    handler_return = handler(job)\n  File "/rp_handler.py", line 72, in run_whisper_job\n  File "/predict.py", line 66, in ${where}\n${pythonType}: ${message}\n`,
    hostname: 'fake-worker-1',
    worker_id: 'fake-worker-1',
    runpod_version: '1.7.9',
  };
  // Python's json.dumps separators: ", " between items and ": " after keys.
  return `{${Object.entries(info).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')}}`;
}

function pythonTypeOf(value: unknown): string {
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return Array.isArray(value) ? 'list' : 'dict';
}

// Python: bool is an int; the validator turns an int into a float for float fields.
function accepts(expected: PythonType, actual: string): boolean {
  if (expected === 'float') return actual === 'float' || actual === 'int' || actual === 'bool';
  if (expected === 'int') return actual === 'int' || actual === 'bool';
  return expected === actual;
}

function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
