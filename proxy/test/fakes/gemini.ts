// The fake Gemini API: a real HTTP server that checks the key header and request shape,
// then answers queued or scripted replies as Google would (SSE streams, JSON, errors).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { checkGeminiRequest, type GeminiRequest } from './gemini-schema.ts';
import { thinkingRefusal, thoughtTokens } from './gemini-thinking.ts';
import {
  apiKeyInvalidBody,
  estimateTokens,
  foldPayloads,
  parseEvents,
  responseObject,
  sseEvent,
  splitEvents,
  splitText,
  statusErrorBody,
  textEvents,
  type GeminiFinishReason,
  type ResponseContext,
} from './gemini-wire.ts';
import { clientGone, invalidJson, listen, parseJson, plainHeaders, readBody, sendJson, sleep } from './server.ts';

/** Names of the captured streams in the fixtures folder (any other file name is accepted too). */
export type GeminiFixtureName =
  | 'streaming-failure-finish-reason-safety'
  | 'streaming-success-basic-reply-long'
  | 'streaming-success-basic-reply-short'
  | 'streaming-success-utf8'
  | (string & {});

/** How the fake answers one request. */
export type GeminiReply =
  | { kind: 'fixture'; name: GeminiFixtureName; delayMs?: number }
  | {
      kind: 'text';
      text: string;
      chunks?: number | readonly string[];
      /** Milliseconds between chunks (a unary answer waits this once). */
      delayMs?: number;
      /** The model's time to first token: nothing is sent for this long (a unary answer waits it before `delayMs`). */
      firstTokenMs?: number;
      finishReason?: GeminiFinishReason;
      usage?: boolean;
      /**
       * Tokens the model would think before answering; they count against maxOutputTokens, so a reply that thinks more
       * than the request's thinkingConfig and limit allow ends at MAX_TOKENS, cut or with no text at all.
       */
      thoughtTokens?: number;
      /** A Gemini 3 model asked for a temperature below 1.0 repeats itself until MAX_TOKENS, as Google warns it can. */
      loopsWhenCold?: boolean;
    }
  | { kind: 'error'; status: 400 | 429 | 500 | 503; retryAfterSeconds?: number; message?: string }
  /** A captured error body from captured/gemini/ (`error-<status>-....json`), with its status. */
  | { kind: 'captured-error'; name: string; retryAfterSeconds?: number }
  /** A 200 event stream that carries a captured error as a bare JSON object, after optional text events. */
  | { kind: 'bare-error'; name: string; afterText?: string }
  /** A stream whose events never name a finish reason: its text, then an event whose content is empty. */
  | { kind: 'no-finish'; text?: string }
  | { kind: 'hang' }
  /** `chunks` events `delayMs` apart, each text `@<epoch ms>` stamped when written: for latency benchmarks. */
  | { kind: 'clock'; chunks: number; delayMs: number };

/** One request that reached a Gemini route (recorded even when it is then rejected). */
export interface GeminiRequestRecord {
  method: string;
  /** Path and query as received, e.g. `/v1beta/models/m:streamGenerateContent?alt=sse`. */
  path: string;
  model: string;
  stream: boolean;
  headers: Record<string, string>;
  /** Parsed JSON body; the raw text when it was not JSON. */
  body: unknown;
  receivedAt: number;
  /** Epoch milliseconds at which each event of a streamed answer was written, in order (for latency benchmarks). */
  eventsWrittenAt: number[];
}

/** Options of startFakeGemini. */
export interface FakeGeminiOptions {
  apiKey: string;
  host?: string;
  port?: number;
  /** Folder of `<name>.txt` captured streams; default `captured/gemini/` beside this file. */
  fixturesDir?: string;
  /** Answers requests when the queue is empty; default: a short scripted text in 3 chunks. */
  respond?: (request: GeminiRequestRecord) => GeminiReply;
}

/** A running fake Gemini. */
export interface FakeGemini {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Queues replies, answered in order before the responder is asked. */
  enqueue(...replies: GeminiReply[]): void;
  /** Queues replies for streamed calls only (the interview's turns); other calls (a plan, a report) go on as usual. */
  enqueueStreamed(...replies: GeminiReply[]): void;
  /** Every request that reached a Gemini route, in arrival order. */
  requests: GeminiRequestRecord[];
  /** How many requests lost their client before the reply finished. */
  readonly aborted: number;
  /** Stops listening and destroys open sockets. */
  close(): Promise<void>;
}

/** The text the default responder answers. */
export const DEFAULT_GEMINI_TEXT = 'Thanks for that answer. Could you walk me through a recent project you are proud of?';

const ROUTE = /^\/v1beta\/models\/([A-Za-z0-9._-]+):(streamGenerateContent|generateContent)$/;
// Google's documented request size limit; bigger bodies get a 400, as from Google.
const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts a fake Gemini on a free loopback port (or options.host/port). */
/** Refuses a queued reply whose captured file is missing, when it is queued rather than when it is due. */
function checkReplies(replies: readonly GeminiReply[], fixturesDir: string): void {
  for (const reply of replies) {
    if (reply.kind === 'fixture' && !existsSync(fixturePath(fixturesDir, reply.name))) {
      throw new Error(`fake Gemini: no fixture ${fixturePath(fixturesDir, reply.name)}`);
    }
    if ((reply.kind === 'captured-error' || reply.kind === 'bare-error') && !existsSync(fixturePath(fixturesDir, reply.name, '.json'))) {
      throw new Error(`fake Gemini: no captured error ${reply.name}`);
    }
  }
}

export async function startFakeGemini(options: FakeGeminiOptions): Promise<FakeGemini> {
  const fixturesDir = geminiFixturesDir(options.fixturesDir);
  const respond: (request: GeminiRequestRecord) => GeminiReply =
    options.respond ?? (() => ({ kind: 'text', text: DEFAULT_GEMINI_TEXT, chunks: 3 }));
  const queue: GeminiReply[] = [];
  const streamedQueue: GeminiReply[] = [];
  const requests: GeminiRequestRecord[] = [];
  let aborted = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = ROUTE.exec(safeDecode(url.pathname));
    if (!route || req.method !== 'POST') {
      sendJson(res, 404, statusErrorBody(404, `Method not found: ${req.method ?? ''} ${url.pathname}`));
      return;
    }
    const signal = clientGone(res, () => aborted++);
    const stream = route[2] === 'streamGenerateContent';
    const bytes = await readBody(req, MAX_BODY_BYTES);
    const parsed = bytes === undefined ? invalidJson : parseJson(bytes);
    const record: GeminiRequestRecord = {
      method: req.method,
      path: req.url ?? url.pathname,
      model: route[1] ?? '',
      stream,
      headers: plainHeaders(req),
      body: parsed === invalidJson ? (bytes?.toString('utf8') ?? '') : parsed,
      receivedAt: Date.now(),
      eventsWrittenAt: [],
    };
    requests.push(record);

    const checked = checkCall(record.model, req.headers['x-goog-api-key'], options.apiKey, stream && url.searchParams.get('alt') !== 'sse', bytes, parsed);
    if ('status' in checked) {
      sendJson(res, checked.status, checked.body);
      return;
    }

    const reply = (stream ? streamedQueue.shift() : undefined) ?? queue.shift() ?? respond(record);
    await answer(res, reply, { record, request: checked.request, fixturesDir, signal });
  };

  const server = await listen(handle, options.host, options.port);
  return {
    url: server.url,
    enqueue(...replies) {
      checkReplies(replies, fixturesDir);
      queue.push(...replies);
    },
    enqueueStreamed(...replies) {
      checkReplies(replies, fixturesDir);
      streamedQueue.push(...replies);
    },
    requests,
    get aborted() {
      return aborted;
    },
    close: () => server.close(),
  };
}

/** Either the valid request or Google's error answer for it. */
type Checked = { request: GeminiRequest } | { status: number; body: string };

/** The checks Google makes, in its order: key present, key valid, size, `alt=sse`, JSON, shape. */
function checkCall(
  model: string,
  key: string | string[] | undefined,
  apiKey: string,
  streamWithoutSse: boolean,
  bytes: Buffer | undefined,
  parsed: unknown,
): Checked {
  if (key === undefined) return { status: 403, body: statusErrorBody(403) };
  if (key !== apiKey) return { status: 400, body: apiKeyInvalidBody() };
  if (bytes === undefined) {
    return { status: 400, body: statusErrorBody(400, `Request payload size exceeds the limit: ${String(MAX_BODY_BYTES)} bytes.`) };
  }
  if (streamWithoutSse) return { status: 400, body: statusErrorBody(400, 'The fake Gemini streams only with ?alt=sse.') };
  if (parsed === invalidJson) return { status: 400, body: statusErrorBody(400, 'Invalid JSON payload received.') };
  const checked = checkGeminiRequest(parsed);
  if (!checked.ok) return { status: 400, body: statusErrorBody(400, checked.message) };
  const refusal = thinkingRefusal(model, checked.request.generationConfig?.thinkingConfig);
  return refusal ? { status: 400, body: refusal } : { request: checked.request };
}

interface AnswerContext {
  record: GeminiRequestRecord;
  request: GeminiRequest;
  fixturesDir: string;
  signal: AbortSignal;
}

async function answer(res: ServerResponse, reply: GeminiReply, context: AnswerContext): Promise<void> {
  const { record, signal } = context;
  switch (reply.kind) {
    case 'hang':
      if (!signal.aborted) {
        await new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            resolve();
          });
        });
      }
      return;
    case 'error': {
      const headers: Record<string, string> =
        reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) };
      sendJson(res, reply.status, statusErrorBody(reply.status, reply.message, reply.retryAfterSeconds), headers);
      return;
    }
    case 'fixture': {
      const path = fixturePath(context.fixturesDir, reply.name);
      if (!existsSync(path)) {
        sendJson(res, 500, statusErrorBody(500, `fake Gemini: no fixture ${path}`));
        return;
      }
      const bytes = await readFile(path);
      if (record.stream) {
        await writeStream(res, splitEvents(bytes), reply.delayMs ?? 0, signal);
        return;
      }
      if (reply.delayMs && !(await sleep(reply.delayMs, signal))) return;
      sendJson(res, 200, `${JSON.stringify(foldPayloads(parseEvents(bytes.toString('utf8'))), null, 2)}\n`);
      return;
    }
    case 'text': {
      const responseContext: ResponseContext = {
        model: record.model,
        responseId: randomBytes(12).toString('base64url'),
        promptTokens: estimateTokens(promptText(context.request)),
        usage: reply.usage ?? true,
      };
      const within = withinBudget(reply, record.model, context.request);
      // An array of chunks is sent as given; `text` then only documents the reply.
      const pieces = typeof reply.chunks === 'object' && within.finishReason === undefined ? [...reply.chunks] : splitText(within.text, typeof reply.chunks === 'number' ? reply.chunks : 3);
      const finishReason = within.finishReason ?? reply.finishReason ?? 'STOP';
      if (record.stream) {
        if (reply.firstTokenMs && !(await sleep(reply.firstTokenMs, signal))) return;
        await writeStream(res, textEvents(responseContext, pieces, finishReason, within.thoughts), reply.delayMs ?? 0, signal, record.eventsWrittenAt);
        return;
      }
      const wait = (reply.firstTokenMs ?? 0) + (reply.delayMs ?? 0);
      if (wait > 0 && !(await sleep(wait, signal))) return;
      const text = pieces.join('');
      const body = responseObject(responseContext, text, finishReason, estimateTokens(text), within.thoughts);
      sendJson(res, 200, `${JSON.stringify(body, null, 2)}\n`);
      return;
    }
    case 'captured-error': {
      const path = fixturePath(context.fixturesDir, reply.name, '.json');
      const status = Number(/^error-(\d{3})-/.exec(reply.name)?.[1] ?? 500);
      // Google answers a stream request's error with the stream's content type (see error-404-model-not-found.json).
      const headers: Record<string, string> = {
        ...(record.stream ? { 'content-type': 'text/event-stream' } : {}),
        ...(reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) }),
      };
      sendJson(res, status, await readFile(path, 'utf8'), headers);
      return;
    }
    case 'bare-error': {
      const responseContext: ResponseContext = { model: record.model, responseId: randomBytes(12).toString('base64url'), promptTokens: 1, usage: true };
      const before = reply.afterText ? [sseEvent(responseObject(responseContext, reply.afterText, undefined, estimateTokens(reply.afterText)))] : [];
      await writeStream(res, [...before, await readFile(fixturePath(context.fixturesDir, reply.name, '.json'), 'utf8')], 0, signal);
      return;
    }
    case 'no-finish': {
      const responseContext: ResponseContext = { model: record.model, responseId: randomBytes(12).toString('base64url'), promptTokens: 1, usage: true };
      const text = reply.text ? [sseEvent(responseObject(responseContext, reply.text, undefined, estimateTokens(reply.text)))] : [];
      const empty = sseEvent({ candidates: [{ content: {}, index: 0 }], modelVersion: record.model, responseId: responseContext.responseId });
      await writeStream(res, [...text, empty], 0, signal);
      return;
    }
    case 'clock': {
      const responseContext: ResponseContext = { model: record.model, responseId: randomBytes(12).toString('base64url'), promptTokens: 1, usage: true };
      const events = Array.from({ length: reply.chunks }, (_, i) => () =>
        sseEvent(responseObject(responseContext, `@${(performance.timeOrigin + performance.now()).toFixed(3)}`, i === reply.chunks - 1 ? 'STOP' : undefined, i + 1)),
      );
      await writeStream(res, events, reply.delayMs, signal);
      return;
    }
    default: {
      const unreachable: never = reply;
      throw new Error(`unknown Gemini reply ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Writes each event as its own write, flushed at once, `delayMs` apart; notes each write's time in `writtenAt`. */
async function writeStream(
  res: ServerResponse,
  events: readonly (string | Buffer | (() => string))[],
  delayMs: number,
  signal: AbortSignal,
  writtenAt: number[] = [],
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'Origin, X-Origin, Referer',
  });
  res.flushHeaders();
  for (const [i, event] of events.entries()) {
    if (i > 0 && delayMs > 0 && !(await sleep(delayMs, signal))) return;
    if (signal.aborted) return;
    res.write(typeof event === 'function' ? event() : event);
    writtenAt.push(Date.now());
  }
  res.end();
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function promptText(request: GeminiRequest): string {
  const contents = [...request.contents, ...(request.systemInstruction ? [request.systemInstruction] : [])];
  return contents.flatMap((content) => content.parts.map((part) => part.text)).join('');
}

function fixturePath(dir: string, name: string, extension = '.txt'): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`fake Gemini: bad fixture name ${JSON.stringify(name)}`);
  return join(dir, `${name}${extension}`);
}

/** What a reply becomes within the request's output limit: thoughts first (they count), then the text, cut at the limit. */
function withinBudget(reply: Extract<GeminiReply, { kind: 'text' }>, model: string, request: GeminiRequest): { text: string; thoughts: number; finishReason?: GeminiFinishReason } {
  const config = request.generationConfig;
  const limit = config?.maxOutputTokens ?? 65_536;
  const cold = reply.loopsWhenCold === true && /^gemini-3/.test(model) && (config?.temperature ?? 1) < 1;
  const text = cold ? `${reply.text} `.repeat(Math.ceil((limit * 4) / Math.max(1, reply.text.length))) : reply.text;
  const thoughts = thoughtTokens(model, config?.thinkingConfig, reply.thoughtTokens ?? 0);
  if (thoughts >= limit) return { text: '', thoughts: limit, finishReason: 'MAX_TOKENS' };
  const room = (limit - thoughts) * 4;
  return text.length > room ? { text: text.slice(0, room), thoughts, finishReason: 'MAX_TOKENS' } : { text, thoughts };
}

/** Where captured streams live: the option, else the repository's own `captured/gemini/` beside this file. */
export function geminiFixturesDir(option?: string): string {
  return option ?? fileURLToPath(new URL('./captured/gemini', import.meta.url));
}
