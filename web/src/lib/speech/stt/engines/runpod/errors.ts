// How the RunPod path fails: a try that timed out, which failures another try may fix, and what the candidate reads.
import { ApiError, NETWORK_ERROR } from '../../../../api/index.ts';

/** A try that outlasted the policy's timeout. */
export class TranscriptionTimeout extends Error {
  override readonly name = 'TranscriptionTimeout';
}

/** Codes of proxy errors that no retry can fix: the candidate must be told at once. */
const FINAL_CODES = new Set(['not_configured', 'bad_request', 'unauthorized', 'payload_too_large', 'forbidden_origin', 'not_found', 'method_not_allowed', 'transcription_failed']);

/** Whether `error` (from one try) may succeed on another try. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TranscriptionTimeout) return true;
  if (!(error instanceof ApiError)) return false;
  if (error.code === NETWORK_ERROR) return true;
  if (FINAL_CODES.has(error.code)) return false;
  return error.status === 408 || error.status === 425 || error.status === 429 || error.status >= 500;
}

/** The candidate-facing reason a segment could not be transcribed. */
export function describeTranscriptionError(error: unknown): string {
  if (error instanceof TranscriptionTimeout) return 'The transcription service is taking too long to answer.';
  if (error instanceof ApiError) {
    if (error.code === 'not_configured') return 'This server has no speech-to-text service set up (RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID), so spoken answers cannot be transcribed. Type your answer instead.';
    if (error.status === 401 || error.code === 'unauthorized') return 'The server did not accept your access token. Enter it again at the top of the page.';
    if (error.status === 0) return 'The server could not be reached. Check your connection.';
    // The proxy's own messages (a FAILED job included) are written for the candidate.
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
