// Pure reading of RunPod's job JSON (/runsync, /status) and /health: which jobs are still going, what a cold start
// looks like, and a FAILED job's error (runpod-python's JSON string, a list of validation errors, or plain text)
// turned into a plain message that says whether trying again can help. Nothing of the audio is ever in here.

/** A job as RunPod reports it. */
export type JobView =
  /** Not final: IN_QUEUE, IN_PROGRESS, RUNNING, or a state RunPod may add later. */
  | { kind: 'pending'; id: string; status: string }
  | { kind: 'completed'; output: Record<string, unknown> }
  /** COMPLETED with no output: the worker returned nothing usable (e.g. a non-string error). */
  | { kind: 'completed-without-output' }
  | { kind: 'failed'; failure: WorkerFailure }
  | { kind: 'timed-out' }
  | { kind: 'cancelled' }
  | { kind: 'malformed'; reason: string };

/** What a FAILED job's `error` says. */
export interface WorkerFailure {
  /** The Python exception class (`ValueError`), 'validation' for the worker's input errors, or null. */
  type: string | null;
  message: string;
}

/** Where a job stands, as the app shows it. */
export type JobPhase = 'submitted' | 'queued' | 'starting' | 'running';

/** Reads one /runsync or /status answer. */
export function readJob(json: unknown): JobView {
  if (!isObject(json) || typeof json['status'] !== 'string') return { kind: 'malformed', reason: 'no job status' };
  const status = json['status'];
  switch (status) {
    case 'COMPLETED': {
      const output = json['output'];
      if (output === undefined || output === null) return { kind: 'completed-without-output' };
      return isObject(output) ? { kind: 'completed', output } : { kind: 'malformed', reason: 'an output that is not an object' };
    }
    case 'FAILED':
      return { kind: 'failed', failure: readFailure(json['error']) };
    case 'TIMED_OUT':
      return { kind: 'timed-out' };
    case 'CANCELLED':
      return { kind: 'cancelled' };
    default: {
      const id = json['id'];
      return typeof id === 'string' && id !== '' ? { kind: 'pending', id, status } : { kind: 'malformed', reason: `status ${status} without a job id` };
    }
  }
}

/** Reads a FAILED job's `error`: runpod-python's JSON `{error_type, error_message, ...}`, a list, or text. */
export function readFailure(error: unknown): WorkerFailure {
  const parsed = typeof error === 'string' ? parseJson(error) : error;
  if (Array.isArray(parsed)) return { type: 'validation', message: parsed.map(String).join(' ') };
  if (isObject(parsed) && typeof parsed['error_message'] === 'string') {
    const type = typeof parsed['error_type'] === 'string' ? (/<class '([^']+)'>/.exec(parsed['error_type'])?.[1] ?? parsed['error_type']) : null;
    return { type, message: parsed['error_message'] };
  }
  return { type: null, message: typeof error === 'string' ? error : '' };
}

// Failures that come from the machine rather than the clip: the same clip may well pass on another try.
const TRANSIENT = /out of memory|\bCUDA\b|cuDNN|cuBLAS|timed? ?out|connection|temporar|unavailable|network/i;

/** Whether trying the same clip again can help. */
export function isTransientFailure(failure: WorkerFailure): boolean {
  return failure.type !== 'validation' && TRANSIENT.test(`${failure.type ?? ''} ${failure.message}`);
}

/** The candidate-facing sentence for a failed job (no traceback, nothing of the audio). */
export function failureMessage(failure: WorkerFailure, scrub: (text: string) => string): string {
  const detail = failureDetail(failure, scrub);
  return isTransientFailure(failure)
    ? `The transcription server failed on this part of your answer (${detail}). Trying again may work.`
    : `The transcription server could not transcribe this part of your answer (${detail}). Trying again will not help: the server's operator can check the RunPod endpoint and its worker.`;
}

/** A short, safe description of the failure: its type and message, long base64-like runs and keys removed. */
export function failureDetail(failure: WorkerFailure, scrub: (text: string) => string): string {
  const type = failure.type === 'validation' ? 'the worker refused its input' : failure.type;
  const message = scrub(failure.message)
    .replace(/[A-Za-z0-9+/=]{40,}/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  const text = [type, message].filter((part) => part).join(': ') || 'no reason given';
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/** How many workers /health says are running, or undefined when it says nothing readable. */
export function workersRunning(json: unknown): number | undefined {
  if (!isObject(json) || !isObject(json['workers'])) return undefined;
  const running = json['workers']['running'];
  return typeof running === 'number' ? running : undefined;
}

/**
 * The phase of a job still going. A job waiting in the queue while no worker runs is a cold start (RunPod: "an
 * endpoint with no running workers receives a request"); with workers running, it waits its turn.
 */
export function phaseOf(status: string, running: number | undefined): JobPhase {
  if (status === 'IN_PROGRESS' || status === 'RUNNING') return 'running';
  return status === 'IN_QUEUE' && running === 0 ? 'starting' : 'queued';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
