// Test helpers: the captured Gemini SSE streams the fakes replay (proxy/test/fakes/captured/), ways to cut them into chunks,
// and a scripted fake fetch whose streamed responses behave like the browser's (abort errors the body).
import { readFile } from 'node:fs/promises';

// Warning: the samples belong to the fakes, in the proxy package: five levels up from this folder is the repository root.
const CAPTURED = new URL('../../../../../proxy/test/fakes/captured/gemini/', import.meta.url);
const CAPTURED_OPENAI = new URL('../../../../../proxy/test/fakes/captured/openai/', import.meta.url);

/** The captured streams, by file name without `.txt`. */
export const GEMINI_FIXTURES = [
  'streaming-success-basic-reply-short',
  'streaming-success-basic-reply-long',
  'streaming-success-utf8',
  'streaming-failure-finish-reason-safety',
] as const;

/** One of the captured streams. */
export type GeminiFixture = (typeof GEMINI_FIXTURES)[number];

/** The bytes of a captured stream. */
export async function readGeminiFixture(name: GeminiFixture): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(`${name}.txt`, CAPTURED)));
}

/** The bytes of any captured Gemini sample by file name (streams `.txt`, error bodies `.json`). */
export async function readGeminiSample(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(file, CAPTURED)));
}

/** A captured Gemini error body, parsed, with the status its file name carries (`error-403-....json`). */
export async function readGeminiError(file: string): Promise<{ status: number; body: unknown; text: string }> {
  const text = new TextDecoder().decode(await readGeminiSample(file));
  return { status: Number(/^error-(\d{3})-/.exec(file)?.[1]), body: JSON.parse(text) as unknown, text };
}

/** The bytes of a captured OpenAI-compatible sample by file name. */
export async function readOpenAiSample(file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(file, CAPTURED_OPENAI)));
}

/** An independent oracle for OpenAI-compatible streams: each `data:` chunk's `delta.content`, by hand. */
export function chatContentTexts(bytes: Uint8Array): string[] {
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)) as { choices?: { delta?: { content?: unknown } }[] })
    .map((chunk) => chunk.choices?.[0]?.delta?.content)
    .filter((content): content is string => typeof content === 'string' && content !== '');
}

/** An independent oracle: each event's text, found by splitting on CRLF CRLF and parsing the JSON by hand. */
export function fixtureEventTexts(bytes: Uint8Array): string[] {
  const events = new TextDecoder().decode(bytes).split('\r\n\r\n').filter((event) => event.trim() !== '');
  return events.map((event) => {
    const body = JSON.parse(event.replace(/^data: /, '')) as { candidates: { content: { parts: { text: string }[] } }[] };
    return body.candidates[0]?.content.parts.map((part) => part.text).join('') ?? '';
  });
}

/** Cuts `bytes` at the given offsets (sorted, within range) into consecutive pieces. */
export function splitAt(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    pieces.push(bytes.subarray(start, offset));
    start = offset;
  }
  return pieces;
}

/** Cuts `bytes` into pieces whose sizes cycle through `sizes` (odd sizes cut inside lines and UTF-8 sequences). */
export function chunkBySizes(bytes: Uint8Array, sizes: readonly number[] = [1, 7, 3, 64, 2, 13, 500]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0, i = 0; start < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    pieces.push(bytes.subarray(start, start + size));
    start += size;
  }
  return pieces;
}

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** One SSE event carrying `payload` as JSON, terminated by CRLF CRLF like Google's. */
export function sseEvent(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

/** A GenerateContentResponse with one text part and an optional finish reason. */
export function textPayload(text: string, finishReason?: string): unknown {
  return { candidates: [{ content: { parts: [{ text }], role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 }] };
}

/** How a scripted stream ends after its chunks. */
export type StreamEnd = 'close' | 'error' | 'hang';

/** What a fake stream reports back to the test. */
export interface StreamProbe {
  /** Set when the reader cancelled the stream. */
  cancelled: boolean;
}

/**
 * An SSE Response from `chunks`, ending as `end` says; like the browser's fetch, an abort of `signal`
 * errors the body with the signal's reason.
 */
export function sseResponse(
  chunks: readonly (Uint8Array | string)[],
  options: { end?: StreamEnd; signal?: AbortSignal; probe?: StreamProbe; status?: number } = {},
): Response {
  const queue = chunks.map((chunk) => (typeof chunk === 'string' ? utf8(chunk) : chunk));
  const end = options.end ?? 'close';
  let onAbort: (() => void) | undefined;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      onAbort = () => controller.error(options.signal?.reason);
      options.signal?.addEventListener('abort', onAbort, { once: true });
    },
    pull(controller) {
      const next = queue.shift();
      if (next) {
        controller.enqueue(next);
        return;
      }
      if (end === 'close') controller.close();
      else if (end === 'error') controller.error(new TypeError('terminated'));
      else return new Promise<void>(() => undefined);
    },
    cancel() {
      if (options.probe) options.probe.cancelled = true;
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    },
  });
  return new Response(body, { status: options.status ?? 200, headers: { 'content-type': 'text/event-stream' } });
}

/** A JSON Response. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** Google's JSON error body. */
export function googleError(code: number, status: string, message: string, details?: unknown[]): unknown {
  return { error: { code, message, status, ...(details ? { details } : {}) } };
}

/** The proxy's own JSON error body. */
export function proxyError(code: string, message: string): unknown {
  return { error: { code, message } };
}

/** One request the fake fetch saw. */
export interface SeenRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  signal: AbortSignal;
}

/** One scripted answer: a Response, a thrown error (a network failure), or a function of the request. */
export type ScriptStep = Response | Error | ((request: SeenRequest) => Response | Error | Promise<Response | Error>);

/** A fake fetch that answers the scripted steps in order and records every request. */
export function scriptedFetch(steps: readonly ScriptStep[]) {
  const seen: SeenRequest[] = [];
  const remaining = [...steps];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const signal = init.signal ?? new AbortController().signal;
    signal.throwIfAborted();
    const request: SeenRequest = {
      url: new URL(String(input), 'http://app.test'),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      signal,
    };
    seen.push(request);
    const step = remaining.shift();
    if (step === undefined) throw new Error(`scriptedFetch: no step left for request ${String(seen.length)}`);
    const answer = typeof step === 'function' ? await step(request) : step;
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

/** A sleep that records each wait and returns at once (or rejects when the signal is already aborted). */
export function fakeSleep() {
  const waits: number[] = [];
  const sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    waits.push(ms);
    return signal?.aborted ? Promise.reject(signal.reason as unknown) : Promise.resolve();
  };
  return { sleep, waits };
}

/** Runs a stream to its end: every delta, then the return value or the error it threw. */
export async function drain<R>(stream: AsyncGenerator<string, R, undefined>): Promise<{ deltas: string[]; result?: R; error?: unknown }> {
  const deltas: string[] = [];
  try {
    for (;;) {
      const step = await stream.next();
      if (step.done) return { deltas, result: step.value };
      deltas.push(step.value);
    }
  } catch (error) {
    return { deltas, error };
  }
}
