// The fake RunPod serverless API for the faster-whisper worker, behaving as the real one does: /runsync holds the
// request up to `?wait=` ms (90 s by default) and then answers IN_QUEUE or IN_PROGRESS with the job id; jobs move
// through the queue (a cold start while no worker runs), IN_PROGRESS or RUNNING, and end COMPLETED (with or without
// output), FAILED (with the worker's own error), TIMED_OUT or CANCELLED; /status, /cancel and /health answer in
// RunPod's shapes. Bad input is the job's result, as on RunPod. Sources of each behaviour: samples/runpod/README.md.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkRunBody, type JobPolicy, type WhisperInput } from './runpod-schema.ts';
import { whisperOutput, type SegmentInput } from './runpod-wire.ts';
import { checkWorkerInput, handlerError } from './runpod-worker.ts';
import { clientGone, invalidJson, listen, parseJson, readBody, sendJson, sendText, sleep } from './server.ts';

export { handlerError };

/** The `error` of a real FAILED job (worker-faster_whisper#60: a model the worker image does not have). */
export const FAILED_MODEL_NOT_FOUND_ERROR = readFileSync(new URL('./samples/runpod/failed-model-not-found.error.txt', import.meta.url), 'utf8');

/** How a job ends. */
export type RunpodOutcome =
  | { kind: 'completed'; text: string; segments?: SegmentInput[] }
  /** COMPLETED with no `output` field at all (runpod-python#299, #309). */
  | { kind: 'completed-without-output' }
  /** FAILED with `error` exactly as given: a plain string, runpod-python's JSON string, or a list. */
  | { kind: 'failed'; error: string | readonly string[] }
  | { kind: 'timed_out' };

/** How the job gets there: queue time (a cold start or a busy queue), then the worker's run time. */
export interface RunpodTiming {
  /** Milliseconds the job waits IN_QUEUE for a worker (default 0). */
  queueMs?: number;
  /** Whether that wait is a cold start: /health then reports no worker running (default: a busy queue). */
  coldStart?: boolean;
  /** Milliseconds the worker takes once it has the job (default 0). */
  runMs?: number;
  /** The status reported while the worker runs: IN_PROGRESS (default) or RUNNING. */
  runningStatus?: 'IN_PROGRESS' | 'RUNNING';
}

/** How the fake answers one job, or a scripted HTTP error instead of a job. */
export type RunpodReply = (RunpodOutcome & RunpodTiming) | { kind: 'http-error'; status: number; body?: string };

/** One valid job input the fake received. */
export interface RunpodReceived {
  /** The job id RunPod gave it. */
  id: string;
  /** The worker input without `audio_base64`. */
  input: Omit<WhisperInput, 'audio_base64'>;
  /** The decoded `audio_base64` bytes (empty when the input gave an `audio` URL). */
  audio: Uint8Array;
  /** The job's `policy`, as sent. */
  policy: JobPolicy;
  receivedAt: number;
}

/** Options of startFakeRunpod. */
export interface FakeRunpodOptions {
  apiKey: string;
  endpointId: string;
  host?: string;
  port?: number;
  /** Answers jobs when the queue is empty; default: COMPLETED with a short transcript. */
  respond?: (received: RunpodReceived) => RunpodReply;
}

/** A running fake RunPod. */
export interface FakeRunpod {
  /** Base URL without a trailing slash; routes are `${url}/v2/${endpointId}/...`. */
  url: string;
  endpointId: string;
  /** Queues replies, used in order before the responder is asked. */
  enqueue(...replies: RunpodReply[]): void;
  /** Every job with a valid input, in arrival order. */
  received: RunpodReceived[];
  /** The `?wait=` of each /runsync call, in ms (undefined where none was given). */
  readonly runsyncWaits: (number | undefined)[];
  /** How many authorized `/status/{id}` requests were made. */
  readonly statusPolls: number;
  /** How many authorized `/health` requests were made. */
  readonly healthChecks: number;
  /** Ids of the jobs cancelled through `/cancel/{id}` while they were still running or queued. */
  readonly cancelled: string[];
  /** The status a job reports now (undefined for an unknown id). */
  statusOf(id: string): string | undefined;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
}

/** The transcript the default responder answers. */
export const DEFAULT_RUNPOD_TEXT = 'I led the move of our billing service to an event pipeline. It cut failed invoices by half.';

const ROUTE = /^\/v2\/([^/]+)\/(runsync|run|health|status\/([^/]+)|cancel\/([^/]+))$/;
// RunPod's payload limits: 10 MB for /run, 20 MB for /runsync (base64 is 4/3 of the audio).
const LIMITS = { run: 10 * 1024 * 1024, runsync: 20 * 1024 * 1024 } as const;
// /runsync's wait when the request names none, and the range it takes.
const DEFAULT_WAIT_MS = 90_000;
const WAIT_RANGE = { min: 1000, max: 300_000 } as const;

/** An HTTP answer: RunPod's plain-text gateway errors or a JSON body. */
type Answer = { status: number; text: string } | { status: number; json: unknown };

type JobEnd = RunpodOutcome | { kind: 'refused-failed'; error: string } | { kind: 'refused-empty' };

interface Job {
  id: string;
  end: JobEnd;
  timing: Required<Omit<RunpodTiming, 'runningStatus'>> & { runningStatus: 'IN_PROGRESS' | 'RUNNING' };
  input: WhisperInput | null;
  submittedAt: number;
  cancelledAt: number | null;
}

/** Starts a fake RunPod on a free loopback port (or options.host/port). */
export async function startFakeRunpod(options: FakeRunpodOptions): Promise<FakeRunpod> {
  const respond: (received: RunpodReceived) => RunpodReply =
    options.respond ?? (() => ({ kind: 'completed', text: DEFAULT_RUNPOD_TEXT }));
  const queue: RunpodReply[] = [];
  const received: RunpodReceived[] = [];
  const jobs = new Map<string, Job>();
  const runsyncWaits: (number | undefined)[] = [];
  const cancelled: string[] = [];
  let statusPolls = 0;
  let healthChecks = 0;

  const submit = async (req: IncomingMessage, res: ServerResponse, action: 'run' | 'runsync', url: URL): Promise<Answer | undefined> => {
    if (req.method !== 'POST') return { status: 405, json: { error: `${action} needs POST` } };
    const waitParam = url.searchParams.get('wait');
    const wait = waitParam === null ? undefined : Number(waitParam);
    if (action === 'runsync') {
      runsyncWaits.push(wait);
      if (wait !== undefined && !(Number.isInteger(wait) && wait >= WAIT_RANGE.min && wait <= WAIT_RANGE.max)) {
        return { status: 400, json: { error: `wait must be between ${String(WAIT_RANGE.min)} and ${String(WAIT_RANGE.max)} ms` } };
      }
    }
    const bytes = await readBody(req, LIMITS[action]);
    if (bytes === undefined) return { status: 413, json: { error: `payload exceeds the ${String(LIMITS[action])} byte limit` } };
    const body = parseJson(bytes);
    if (body === invalidJson) return { status: 400, json: { error: 'request body is not valid JSON' } };
    const checked = checkRunBody(body);
    if (!checked.ok) return { status: 400, json: { error: checked.message } };

    const id = `${action === 'runsync' ? 'sync-' : ''}${randomUUID()}-u1`;
    const worker = checkWorkerInput(checked.input);
    let job: Job;
    if (worker.ok) {
      const { audio_base64: audioBase64, ...rest } = worker.input;
      const record: RunpodReceived = {
        id,
        input: rest,
        audio: new Uint8Array(typeof audioBase64 === 'string' ? Buffer.from(audioBase64, 'base64') : []),
        policy: checked.policy,
        receivedAt: Date.now(),
      };
      received.push(record);
      const reply = queue.shift() ?? respond(record);
      if (reply.kind === 'http-error') return { status: reply.status, json: { error: reply.body ?? `fake RunPod error ${String(reply.status)}` } };
      job = newJob(id, reply, reply, worker.input);
    } else {
      const end: JobEnd = worker.refused.kind === 'failed' ? { kind: 'refused-failed', error: worker.refused.error } : { kind: 'refused-empty' };
      job = newJob(id, end, {}, null);
    }
    jobs.set(id, job);
    if (action === 'run') return { status: 200, json: { id, status: 'IN_QUEUE' } };

    // /runsync holds the request until the job ends or the wait is over; the job goes on if the client leaves.
    const left = remainingMs(job, Date.now());
    const hold = Math.min(left, wait ?? DEFAULT_WAIT_MS);
    const heldUntil = Date.now() + hold;
    if (hold > 0 && !(await sleep(hold, clientGone(res, () => undefined)))) return undefined;
    // Warning: a timer can fire a millisecond before the clock reaches its end; a job that ends within the hold has ended.
    return { status: 200, json: jobStatus(job, Math.max(Date.now(), heldUntil)) };
  };

  const answerFor = async (req: IncomingMessage, res: ServerResponse): Promise<Answer | undefined> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = ROUTE.exec(url.pathname);
    if (!route) return { status: 404, text: '404 page not found' };
    if (!authorized(req.headers.authorization, options.apiKey)) return { status: 401, text: 'Unauthorized' };
    if (route[1] !== options.endpointId) return { status: 404, text: '404 page not found' };

    const statusId = route[3];
    if (statusId !== undefined) {
      statusPolls++;
      const job = jobs.get(statusId);
      return job ? { status: 200, json: jobStatus(job, Date.now()) } : { status: 404, json: { error: 'request does not exist' } };
    }
    const cancelId = route[4];
    if (cancelId !== undefined) {
      if (req.method !== 'POST') return { status: 405, json: { error: 'cancel needs POST' } };
      const job = jobs.get(cancelId);
      if (!job) return { status: 404, json: { error: 'request does not exist' } };
      const now = Date.now();
      if (remainingMs(job, now) > 0 && job.cancelledAt === null) {
        job.cancelledAt = now;
        cancelled.push(job.id);
      }
      return { status: 200, json: { id: job.id, status: statusName(job, now) } };
    }
    if (route[2] === 'health') {
      healthChecks++;
      return { status: 200, json: health([...jobs.values()], Date.now()) };
    }
    return submit(req, res, route[2] === 'runsync' ? 'runsync' : 'run', url);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = await answerFor(req, res);
    if (answer === undefined) return;
    if ('text' in answer) sendText(res, answer.status, answer.text);
    else sendJson(res, answer.status, answer.json);
  };

  const server = await listen(handle, options.host, options.port);
  return {
    url: server.url,
    endpointId: options.endpointId,
    enqueue(...replies) {
      queue.push(...replies);
    },
    received,
    runsyncWaits,
    get statusPolls() {
      return statusPolls;
    },
    get healthChecks() {
      return healthChecks;
    },
    cancelled,
    statusOf(id) {
      const job = jobs.get(id);
      return job ? statusName(job, Date.now()) : undefined;
    },
    close: () => server.close(),
  };
}

function newJob(id: string, end: JobEnd, timing: RunpodTiming, input: WhisperInput | null): Job {
  return {
    id,
    end,
    timing: { queueMs: timing.queueMs ?? 0, coldStart: timing.coldStart ?? false, runMs: timing.runMs ?? 0, runningStatus: timing.runningStatus ?? 'IN_PROGRESS' },
    input,
    submittedAt: Date.now(),
    cancelledAt: null,
  };
}

/** Milliseconds until the job ends by itself (0 once it has ended or was cancelled). */
function remainingMs(job: Job, now: number): number {
  if (job.cancelledAt !== null) return 0;
  return Math.max(0, job.submittedAt + job.timing.queueMs + job.timing.runMs - now);
}

function statusName(job: Job, now: number): string {
  if (job.cancelledAt !== null) return 'CANCELLED';
  const elapsed = now - job.submittedAt;
  if (elapsed < job.timing.queueMs) return 'IN_QUEUE';
  if (elapsed < job.timing.queueMs + job.timing.runMs) return job.timing.runningStatus;
  return finalStatus(job.end);
}

function finalStatus(end: JobEnd): string {
  switch (end.kind) {
    case 'completed':
    case 'completed-without-output':
    case 'refused-empty':
      return 'COMPLETED';
    case 'failed':
    case 'refused-failed':
      return 'FAILED';
    case 'timed_out':
      return 'TIMED_OUT';
    default: {
      const unknown: never = end;
      throw new Error(`unknown job end ${JSON.stringify(unknown)}`);
    }
  }
}

/** The job as `/status` (or an answering `/runsync`) reports it at `now`. */
function jobStatus(job: Job, now: number): Record<string, unknown> {
  const status = statusName(job, now);
  const { id, end } = job;
  const delayTime = job.timing.queueMs;
  const executionTime = job.timing.runMs;
  if (status === 'IN_QUEUE' || status === 'CANCELLED') return { id, status };
  if (status === 'IN_PROGRESS' || status === 'RUNNING') return { delayTime, id, status };
  switch (end.kind) {
    case 'completed':
      return { delayTime, executionTime, id, output: whisperOutput(job.input ?? {}, end.text, end.segments), status };
    case 'completed-without-output':
    case 'refused-empty':
      return { delayTime, executionTime, id, status };
    case 'failed':
    case 'refused-failed':
      return { delayTime, executionTime, error: end.error, id, status };
    case 'timed_out':
      return { delayTime, id, status };
    default: {
      const unknown: never = end;
      throw new Error(`unknown job end ${JSON.stringify(unknown)}`);
    }
  }
}

/** `/health`: job counts by state, and the workers (none running while a cold start is under way). */
function health(all: Job[], now: number): Record<string, unknown> {
  const statuses = all.map((job) => statusName(job, now));
  const count = (...names: string[]) => statuses.filter((status) => names.includes(status)).length;
  const coldStart = all.some((job) => job.timing.coldStart && statusName(job, now) === 'IN_QUEUE');
  const busy = count('IN_QUEUE', 'IN_PROGRESS', 'RUNNING') > 0;
  return {
    jobs: { completed: count('COMPLETED'), failed: count('FAILED'), inProgress: count('IN_PROGRESS', 'RUNNING'), inQueue: count('IN_QUEUE'), retried: 0 },
    workers: coldStart
      ? { idle: 0, initializing: 1, ready: 0, running: 0, throttled: 0, unhealthy: 0 }
      : { idle: busy ? 0 : 1, initializing: 0, ready: busy ? 0 : 1, running: busy ? 1 : 0, throttled: 0, unhealthy: 0 },
  };
}

/** RunPod takes `Authorization: Bearer <key>` and also the bare key. */
function authorized(header: string | undefined, apiKey: string): boolean {
  if (header === undefined) return false;
  const value = header.trim();
  return value === apiKey || value === `Bearer ${apiKey}`;
}
