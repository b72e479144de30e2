// One transcription try: a WAV clip through the proxy's POST /api/stt/runpod (bearer token via the app's API
// client), named by a clip id so a retry resumes the same job; while the proxy answers 202 (the job is queued, or
// the server is starting up) the job is followed with GET /api/stt/runpod/jobs/{clip_id}, its phase reported; the
// worker's output read back to text. Retries and backoff belong to the recorder (retry.ts); errors.ts classifies failures.
import * as v from 'valibot';
import { ApiError, readJsonOrThrow, UNEXPECTED_RESPONSE, type ApiFetch } from '../../../../api/index.ts';
import type { WhisperModel } from '../../languages.ts';
import type { ServerPhase } from '../../engine.ts';
import { TranscriptionTimeout } from './errors.ts';
import { toBase64 } from '../../wav.ts';

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
  /** The clip's stable name (8–64 letters, digits, - or _): every try of the same clip sends the same one. */
  clipId: string;
}


/** Sends one clip; resolves to its text (possibly empty), rejects with ApiError or TranscriptionTimeout. */
export type Transcribe = (request: ClipRequest, signal: AbortSignal, onPhase?: (phase: ServerPhase) => void) => Promise<string>;

// A 202 from the proxy; a phase this app does not know yet (a newer proxy) reads as 'queued'.
const PendingSchema = v.object({
  clip_id: v.optional(v.string()),
  phase: v.fallback(v.picklist(['queued', 'starting', 'running', 'submitted']), 'queued'),
});

/** The most 202 answers followed for one clip; the proxy ends every job well before (RUNPOD_JOB_TIMEOUT_MS). */
export const MAX_PENDING_ANSWERS = 60;

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
    clip_id: request.clipId,
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

/** A Transcribe over the proxy; each request is abandoned after `timeoutMs` (the proxy itself answers within 30 s). */
export function createTranscriber(apiFetch: ApiFetch, timeoutMs: number): Transcribe {
  const send = async (path: string, init: RequestInit, signal: AbortSignal): Promise<Response> => {
    // Warning: a timer held here, not AbortSignal.timeout: a runtime may collect a timeout signal that only a composite
    // refers to (Node has had such bugs), and the try would never end; a unit test once hung so. It still bounds the body.
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new DOMException(`No answer after ${String(timeoutMs)} ms.`, 'TimeoutError')), timeoutMs);
    try {
      return await apiFetch(path, { ...init, signal: AbortSignal.any([signal, timeout.signal]) });
    } catch (error) {
      clearTimeout(timer);
      if (timeout.signal.aborted && !signal.aborted) throw new TranscriptionTimeout(`No answer from the server after ${Math.round(timeoutMs / 1000)} s.`);
      throw error;
    }
  };
  const submit = (request: ClipRequest, signal: AbortSignal) =>
    send('/api/stt/runpod', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sttBody(request)) }, signal);
  return async (request, signal, onPhase) => {
    let response = await submit(request, signal);
    for (let pending = 0; response.status === 202; pending++) {
      if (pending >= MAX_PENDING_ANSWERS) throw new TranscriptionTimeout('The transcription server is still not done with this part of your answer.');
      const parsed = v.safeParse(PendingSchema, await readJsonOrThrow(response));
      const phase = parsed.success ? parsed.output.phase : 'queued';
      onPhase?.(phase === 'submitted' ? 'queued' : phase);
      try {
        response = await send(`/api/stt/runpod/jobs/${encodeURIComponent(request.clipId)}`, { method: 'GET' }, signal);
      } catch (error) {
        // The proxy no longer knows the job (it restarted, or another instance answered): send the clip again.
        if (!(error instanceof ApiError && error.status === 404)) throw error;
        response = await submit(request, signal);
      }
    }
    return textOfOutput(await readJsonOrThrow(response));
  };
}
