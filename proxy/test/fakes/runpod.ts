// The fake RunPod serverless API for the faster-whisper worker: checks the key and the
// worker's input schema, records the audio, answers /runsync, /run and /status/{id}.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkRunBody, type WhisperInput } from './runpod-schema.ts';
import { whisperOutput, type SegmentInput, type WhisperOutput } from './runpod-wire.ts';
import { clientGone, invalidJson, listen, parseJson, readBody, sendJson, sendText, sleep } from './server.ts';

/** How the fake answers one job; `delayMs` holds the first answer back that long. */
export type RunpodReply = (
  | { kind: 'completed'; text: string; segments?: SegmentInput[] }
  | { kind: 'queued'; polls: number; text: string; segments?: SegmentInput[] }
  | { kind: 'failed'; error: string }
  | { kind: 'timed_out' }
  | { kind: 'http-error'; status: number; body?: string }
) & { delayMs?: number };

/** One valid job input the fake received. */
export interface RunpodReceived {
  /** The worker input without `audio_base64`. */
  input: Omit<WhisperInput, 'audio_base64'>;
  /** The decoded `audio_base64` bytes (empty when the input gave an `audio` URL). */
  audio: Uint8Array;
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
  /** Every valid job input, in arrival order. */
  received: RunpodReceived[];
  /** How many authorized `/status/{id}` requests were made. */
  readonly statusPolls: number;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
}

/** The transcript the default responder answers. */
export const DEFAULT_RUNPOD_TEXT = 'I led the move of our billing service to an event pipeline. It cut failed invoices by half.';

const ROUTE = /^\/v2\/([^/]+)\/(runsync|run|status\/([^/]+))$/;
// RunPod's payload limits: 10 MB for /run, 20 MB for /runsync (base64 is 4/3 of the audio).
const LIMITS = { run: 10 * 1024 * 1024, runsync: 20 * 1024 * 1024 } as const;

/** An HTTP answer: RunPod's plain-text gateway errors or a JSON body. */
type Answer = { status: number; text: string } | { status: number; json: unknown };

interface Job {
  id: string;
  reply: Exclude<RunpodReply, { kind: 'http-error' }>;
  input: WhisperInput;
  polls: number;
}

/** Starts a fake RunPod on a free loopback port (or options.host/port). */
export async function startFakeRunpod(options: FakeRunpodOptions): Promise<FakeRunpod> {
  const respond: (received: RunpodReceived) => RunpodReply =
    options.respond ?? (() => ({ kind: 'completed', text: DEFAULT_RUNPOD_TEXT }));
  const queue: RunpodReply[] = [];
  const received: RunpodReceived[] = [];
  const jobs = new Map<string, Job>();
  let statusPolls = 0;

  /** What to answer `req`; undefined when the client left while a reply was held back. */
  const answerFor = async (req: IncomingMessage, res: ServerResponse): Promise<Answer | undefined> => {
    const route = ROUTE.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    if (!route) return { status: 404, text: '404 page not found' };
    if (!authorized(req.headers.authorization, options.apiKey)) return { status: 401, text: 'Unauthorized' };
    if (route[1] !== options.endpointId) return { status: 404, text: '404 page not found' };

    const statusId = route[3];
    if (statusId !== undefined) {
      statusPolls++;
      const job = jobs.get(statusId);
      if (!job) return { status: 404, json: { error: 'request does not exist' } };
      job.polls++;
      return { status: 200, json: jobStatus(job) };
    }

    const action = route[2] === 'runsync' ? 'runsync' : 'run';
    if (req.method !== 'POST') return { status: 405, json: { error: `${action} needs POST` } };
    const bytes = await readBody(req, LIMITS[action]);
    if (bytes === undefined) return { status: 413, json: { error: `payload exceeds the ${String(LIMITS[action])} byte limit` } };
    const body = parseJson(bytes);
    if (body === invalidJson) return { status: 400, json: { error: 'request body is not valid JSON' } };
    const checked = checkRunBody(body);
    if (!checked.ok) return { status: 400, json: { error: checked.message } };

    const { audio_base64: audioBase64, ...rest } = checked.input;
    const record: RunpodReceived = {
      input: rest,
      audio: new Uint8Array(audioBase64 === undefined ? [] : Buffer.from(audioBase64, 'base64')),
      receivedAt: Date.now(),
    };
    received.push(record);

    const reply = queue.shift() ?? respond(record);
    if (reply.delayMs && !(await sleep(reply.delayMs, clientGone(res, () => undefined)))) return undefined;
    if (reply.kind === 'http-error') {
      return { status: reply.status, json: { error: reply.body ?? `fake RunPod error ${String(reply.status)}` } };
    }
    const job: Job = { id: `${action === 'runsync' ? 'sync-' : ''}${randomUUID()}-u1`, reply, input: checked.input, polls: 0 };
    jobs.set(job.id, job);
    const answerNow = action === 'runsync' && reply.kind !== 'queued';
    return { status: 200, json: answerNow ? jobStatus(job) : { id: job.id, status: 'IN_QUEUE' } };
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
    get statusPolls() {
      return statusPolls;
    },
    close: () => server.close(),
  };
}

/** The job's state as `/status` (or a finished `/runsync`) reports it. */
function jobStatus(job: Job): Record<string, unknown> {
  const timing = { delayTime: 38, executionTime: 412 };
  const { reply } = job;
  switch (reply.kind) {
    case 'queued':
      if (job.polls < reply.polls) return { id: job.id, status: 'IN_PROGRESS', delayTime: timing.delayTime };
      return completed(job.id, timing, whisperOutput(job.input, reply.text, reply.segments));
    case 'completed':
      return completed(job.id, timing, whisperOutput(job.input, reply.text, reply.segments));
    case 'failed':
      return { id: job.id, status: 'FAILED', ...timing, error: reply.error };
    case 'timed_out':
      return { id: job.id, status: 'TIMED_OUT', ...timing };
    default: {
      const unreachable: never = reply;
      throw new Error(`unknown RunPod reply ${JSON.stringify(unreachable)}`);
    }
  }
}

function completed(id: string, timing: { delayTime: number; executionTime: number }, output: WhisperOutput): Record<string, unknown> {
  return { id, status: 'COMPLETED', ...timing, output };
}

/** RunPod takes `Authorization: Bearer <key>` and also the bare key. */
function authorized(header: string | undefined, apiKey: string): boolean {
  if (header === undefined) return false;
  const value = header.trim();
  return value === apiKey || value === `Bearer ${apiKey}`;
}
