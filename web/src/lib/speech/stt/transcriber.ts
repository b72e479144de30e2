// One transcription try: a WAV clip through the proxy's POST /api/stt/runpod (bearer token via the app's API
// client), the worker's output read back to text. Retries and backoff belong to the recorder (retry.ts).
import * as v from 'valibot';
import { ApiError, readJsonOrThrow, UNEXPECTED_RESPONSE, type ApiFetch } from '../../api/index.ts';
import type { WhisperModel } from './languages.ts';
import { TranscriptionTimeout } from './retry.ts';
import { toBase64 } from './wav.ts';

/** The seed's no-speech threshold: Whisper drops a segment it thinks is silence with at least this probability. */
export const NO_SPEECH_THRESHOLD = 0.45;

/** Whisper reads at most 224 prompt tokens; the last few hundred characters carry the context that matters. */
export const MAX_PROMPT_CHARS = 600;

/** One clip to transcribe. */
export interface ClipRequest {
  /** A 16 kHz mono 16-bit WAV file. */
  wav: Uint8Array;
  model: WhisperModel;
  /** null lets Whisper detect the language. */
  language: string | null;
  /** The answer's text so far (Whisper's initial_prompt); trimmed to its last MAX_PROMPT_CHARS. */
  prompt: string;
}

/** Sends one clip; resolves to its text (possibly empty), rejects with ApiError or TranscriptionTimeout. */
export type Transcribe = (request: ClipRequest, signal: AbortSignal) => Promise<string>;

const OutputSchema = v.object({
  transcription: v.optional(v.nullable(v.string())),
  segments: v.optional(v.nullable(v.array(v.object({ text: v.string() })))),
});

/** The request body the proxy's route takes. */
export function sttBody(request: ClipRequest): Record<string, unknown> {
  const prompt = promptTail(request.prompt);
  return {
    audio_base64: toBase64(request.wav),
    model: request.model,
    ...(request.language ? { language: request.language } : {}),
    enable_vad: true,
    no_speech_threshold: NO_SPEECH_THRESHOLD,
    ...(prompt ? { initial_prompt: prompt } : {}),
  };
}

/** The text of the worker's output: `transcription`, else its segments joined; throws when it is neither. */
export function textOfOutput(output: unknown): string {
  const parsed = v.safeParse(OutputSchema, output);
  if (!parsed.success) throw new ApiError(200, UNEXPECTED_RESPONSE, 'The transcription service answered in a form this app does not understand.');
  const { transcription, segments } = parsed.output;
  const text = transcription ?? (segments ?? []).map((segment) => segment.text).join('');
  return text.replace(/\s+/g, ' ').trim();
}

/** The last MAX_PROMPT_CHARS of `text`, starting at a word. */
export function promptTail(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_PROMPT_CHARS) return clean;
  const tail = clean.slice(-MAX_PROMPT_CHARS);
  const space = tail.indexOf(' ');
  return space === -1 ? tail : tail.slice(space + 1);
}

/** A Transcribe over the proxy, each try abandoned after `timeoutMs`. */
export function createTranscriber(apiFetch: ApiFetch, timeoutMs: number): Transcribe {
  return async (request, signal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);
    try {
      const response = await apiFetch('/api/stt/runpod', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(sttBody(request)),
        signal: combined,
      });
      return textOfOutput(await readJsonOrThrow(response));
    } catch (error) {
      if (timeout.aborted && !signal.aborted) throw new TranscriptionTimeout(`No transcript after ${Math.round(timeoutMs / 1000)} s.`);
      throw error;
    }
  };
}

/** The candidate-facing reason a segment could not be transcribed. */
export function describeTranscriptionError(error: unknown): string {
  if (error instanceof TranscriptionTimeout) return 'The transcription service is taking too long to answer.';
  if (error instanceof ApiError) {
    if (error.code === 'not_configured') return 'This server has no speech-to-text service set up (RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID), so spoken answers cannot be transcribed. Type your answer instead.';
    if (error.status === 401 || error.code === 'unauthorized') return 'The server did not accept your access token. Enter it again at the top of the page.';
    if (error.status === 0) return 'The server could not be reached. Check your connection.';
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
