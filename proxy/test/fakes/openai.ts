// The fake OpenAI-compatible server: a real HTTP server that answers /v1/chat/completions as one server family does
// (Ollama, llama.cpp, vLLM, OpenRouter, OpenAI), checks the key and the model, refuses what that family refuses,
// cuts replies at max_tokens (reasoning included), and can replay the captured streams byte for byte.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkChatRequest, type ChatRequest } from './openai-schema.ts';
import {
  chunk,
  completion,
  dataEvent,
  DONE,
  endChunks,
  firstDelta,
  invalidKeyBody,
  midStreamError,
  modelNotFound,
  OPENROUTER_COMMENT,
  reasoningDelta,
  type ChatFinishReason,
  type ChunkContext,
  type OpenAiFamily,
} from './openai-wire.ts';
import { clientGone, invalidJson, listen, parseJson, plainHeaders, readBody, sendJson, sleep } from './server.ts';
import { estimateTokens, splitText } from './gemini-wire.ts';

/** How the fake answers one request. */
export type OpenAiReply =
  /** A captured stream from captured/openai/ (`.txt`), written event by event. */
  | { kind: 'captured'; name: string; delayMs?: number }
  /** A reply generated in the family's framing; `reasoning` is streamed first where the family thinks. */
  | { kind: 'text'; text: string; reasoning?: string; chunks?: number; delayMs?: number; finishReason?: ChatFinishReason }
  /** Some text, then the family's error after the 200. */
  | { kind: 'mid-stream-error'; text: string; message?: string }
  /** An error status with a captured body (`captured/openai/<file>`) or the given one. */
  | { kind: 'error'; status: number; captured?: string; body?: string; retryAfterSeconds?: number }
  | { kind: 'hang' }
  /** `chunks` events `delayMs` apart, each content `@<epoch ms>` stamped when written: for latency benchmarks. */
  | { kind: 'clock'; chunks: number; delayMs: number };

/** One request that reached the chat route (recorded even when it is then refused). */
export interface OpenAiRequestRecord {
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body; the raw text when it was not JSON. */
  body: unknown;
  model: string;
  stream: boolean;
  receivedAt: number;
}

/** Options of startFakeOpenAi. */
export interface FakeOpenAiOptions {
  /** Which server to be. */
  family: OpenAiFamily;
  /** The key the server requires as `Authorization: Bearer`; undefined takes any request (as a local Ollama does). */
  apiKey?: string;
  /** The models the server has; others get the family's "not found". */
  models: readonly string[];
  host?: string;
  port?: number;
  /** Answers requests when the queue is empty; default: a short reply in 3 chunks. */
  respond?: (request: OpenAiRequestRecord) => OpenAiReply;
}

/** A running fake OpenAI-compatible server. */
export interface FakeOpenAi {
  /** Base URL including `/v1`, as OPENAI_BASE_URL takes it, e.g. `http://127.0.0.1:41234/v1`. */
  url: string;
  family: OpenAiFamily;
  enqueue(...replies: OpenAiReply[]): void;
  requests: OpenAiRequestRecord[];
  /** How many requests lost their client before the reply finished. */
  readonly aborted: number;
  close(): Promise<void>;
}

/** The text the default responder answers. */
export const DEFAULT_OPENAI_TEXT = 'Thanks. What part of that project are you proudest of, and why?';

/** Where the captured samples live. */
export const OPENAI_CAPTURED_DIR = fileURLToPath(new URL('./captured/openai', import.meta.url));

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts the fake on a free loopback port (or options.host/port). */
export async function startFakeOpenAi(options: FakeOpenAiOptions): Promise<FakeOpenAi> {
  const respond = options.respond ?? (() => ({ kind: 'text', text: DEFAULT_OPENAI_TEXT, chunks: 3 }) as const);
  const queue: OpenAiReply[] = [];
  const requests: OpenAiRequestRecord[] = [];
  let aborted = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `Unknown request URL: ${req.method ?? ''} ${path}`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
      return;
    }
    const signal = clientGone(res, () => aborted++);
    const bytes = await readBody(req, MAX_BODY_BYTES);
    const parsed = bytes === undefined ? invalidJson : parseJson(bytes);
    const json = parsed === invalidJson ? undefined : (parsed as { model?: unknown; stream?: unknown });
    const record: OpenAiRequestRecord = {
      path,
      headers: plainHeaders(req),
      body: parsed === invalidJson ? (bytes?.toString('utf8') ?? '') : parsed,
      model: typeof json?.model === 'string' ? json.model : '',
      stream: json?.stream === true,
      receivedAt: Date.now(),
    };
    requests.push(record);
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      sendJson(res, 401, invalidKeyBody());
      return;
    }
    const checked = checkChatRequest(options.family, parsed === invalidJson ? undefined : parsed);
    if (!checked.ok) {
      sendJson(res, checked.status, checked.body);
      return;
    }
    if (!options.models.includes(checked.request.model)) {
      const notFound = modelNotFound(options.family, checked.request.model);
      sendJson(res, notFound.status, notFound.body);
      return;
    }
    const context: ChunkContext = { family: options.family, model: checked.request.model, id: `chatcmpl-${randomBytes(12).toString('hex')}`, created: Math.floor(Date.now() / 1000) };
    await answer(res, queue.shift() ?? respond(record), checked.request, context, signal);
  };

  const server = await listen(handle, options.host, options.port);
  return {
    url: `${server.url}/v1`,
    family: options.family,
    enqueue(...replies) {
      for (const reply of replies) {
        if ((reply.kind === 'captured' || (reply.kind === 'error' && reply.captured)) && !existsSync(capturedPath(reply.kind === 'captured' ? `${reply.name}.txt` : (reply.captured ?? '')))) {
          throw new Error(`fake OpenAI: no captured sample for ${JSON.stringify(reply)}`);
        }
      }
      queue.push(...replies);
    },
    requests,
    get aborted() {
      return aborted;
    },
    close: () => server.close(),
  };
}

async function answer(res: ServerResponse, reply: OpenAiReply, request: ChatRequest, context: ChunkContext, signal: AbortSignal): Promise<void> {
  const stream = request.stream === true;
  switch (reply.kind) {
    case 'hang':
      await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve())));
      return;
    case 'error': {
      const body = reply.captured ? await readFile(capturedPath(reply.captured), 'utf8') : (reply.body ?? JSON.stringify({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } }));
      sendJson(res, reply.status, body, reply.retryAfterSeconds === undefined ? {} : { 'retry-after': String(reply.retryAfterSeconds) });
      return;
    }
    case 'captured': {
      const text = await readFile(capturedPath(`${reply.name}.txt`), 'utf8');
      await writeStream(res, text.split(/(?<=\n\n)/), reply.delayMs ?? 0, signal);
      return;
    }
    case 'mid-stream-error': {
      const events = [...openingEvents(context), ...splitText(reply.text, 2).map((piece) => dataEvent(context.family, chunk(context, { content: piece })))];
      await writeStream(res, [...events, midStreamError(context, reply.message ?? 'The model stopped unexpectedly.')], 0, signal);
      return;
    }
    case 'clock': {
      const events = Array.from({ length: reply.chunks }, (_, i) => () =>
        dataEvent(context.family, chunk(context, { content: `@${(performance.timeOrigin + performance.now()).toFixed(3)}` }, i === reply.chunks - 1 ? 'stop' : null)),
      );
      await writeStream(res, [...events, DONE], reply.delayMs, signal);
      return;
    }
    case 'text': {
      const generated = generate(reply, request);
      const usage = { prompt: estimateTokens(JSON.stringify(request.messages)), completion: generated.tokens };
      if (!stream) {
        if (reply.delayMs && !(await sleep(reply.delayMs, signal))) return;
        sendJson(res, 200, completion(context, generated.text, generated.finish, usage));
        return;
      }
      const pieces = generated.text === '' ? [] : splitText(generated.text, reply.chunks ?? 3);
      const events = [
        ...openingEvents(context),
        ...generated.reasoning.map((piece) => dataEvent(context.family, chunk(context, reasoningDelta(context.family, piece)))),
        ...pieces.map((piece) => dataEvent(context.family, chunk(context, { content: piece }))),
        ...endChunks(context, generated.finish, request.stream_options?.include_usage ? usage : undefined).map((payload) => dataEvent(context.family, payload)),
        DONE,
      ];
      await writeStream(res, events, reply.delayMs ?? 0, signal);
      return;
    }
    default: {
      const unreachable: never = reply;
      throw new Error(`unknown OpenAI reply ${JSON.stringify(unreachable)}`);
    }
  }
}

/** What the model produces within its token limit: reasoning first (it counts), then the reply, cut where the limit falls. */
function generate(reply: Extract<OpenAiReply, { kind: 'text' }>, request: ChatRequest): { text: string; reasoning: string[]; tokens: number; finish: ChatFinishReason } {
  const limit = request.max_completion_tokens ?? request.max_tokens ?? Number.POSITIVE_INFINITY;
  // Ollama documents reasoning_effort "none" as thinking off; the other families think whatever is sent.
  const thinks = reply.reasoning !== undefined && request.reasoning_effort !== 'none';
  const reasoningTokens = thinks ? estimateTokens(reply.reasoning ?? '') : 0;
  if (reasoningTokens >= limit) {
    const cut = (reply.reasoning ?? '').slice(0, limit * 4);
    return { text: '', reasoning: [cut], tokens: limit, finish: 'length' };
  }
  const room = (limit - reasoningTokens) * 4;
  const reasoning = thinks ? splitText(reply.reasoning ?? '', 2) : [];
  if (reply.text.length > room) return { text: reply.text.slice(0, room), reasoning, tokens: limit, finish: 'length' };
  return { text: reply.text, reasoning, tokens: reasoningTokens + estimateTokens(reply.text), finish: reply.finishReason ?? 'stop' };
}

function openingEvents(context: ChunkContext): string[] {
  const first = dataEvent(context.family, chunk(context, firstDelta(context.family)));
  return context.family === 'openrouter' ? [OPENROUTER_COMMENT, first] : [first];
}

async function writeStream(res: ServerResponse, events: readonly (string | (() => string))[], delayMs: number, signal: AbortSignal): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  for (const [i, event] of events.entries()) {
    if (i > 0 && delayMs > 0 && !(await sleep(delayMs, signal))) return;
    if (signal.aborted) return;
    res.write(typeof event === 'function' ? event() : event);
  }
  res.end();
}

function capturedPath(file: string): string {
  if (!/^[\w.-]+$/.test(file)) throw new Error(`fake OpenAI: bad sample name ${JSON.stringify(file)}`);
  return join(OPENAI_CAPTURED_DIR, file);
}
