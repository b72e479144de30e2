// Calls Gemini through the proxy: `streamGenerate` yields text deltas from the SSE route, `generate`
// returns one whole answer (for JSON). Retries happen only before any text reached the caller.
import { ApiError, createApiFetch, NETWORK_ERROR, UNEXPECTED_RESPONSE, type ApiFetch } from '../api/index.ts';
import { LlmError, llmErrorForBlock, llmErrorForFinish, llmErrorFromHttp } from './errors.ts';
import { parseGeminiChunk, readGeminiResponse, type GeminiChunk } from './gemini-chunks.ts';
import { buildGeminiBody, geminiPath, type GeminiRequest } from './request.ts';
import { planRetry, sleep as defaultSleep, type RetryEvent } from './retry.ts';
import { createSseParser } from './sse.ts';

/** How a call reaches the proxy and what it does on the way; everything is optional. */
export interface GenerateOptions {
  /** Cancels the call (and any wait before a retry); the call then fails with LlmError 'aborted'. */
  signal?: AbortSignal;
  /** The fetch to use; defaults to the global one (tests pass a fake). */
  fetch?: typeof fetch;
  /** Returns the proxy access token, or null when there is none. */
  getToken?: () => string | null;
  /** Told before each automatic retry, e.g. to show "busy, retrying in 2 s". */
  onRetry?: (info: RetryEvent) => void;
  /** How many times to retry 429 / 5xx / network failures before any text; default 3. */
  maxRetries?: number;
  /** The wait between tries; defaults to a timer that stops on abort (tests pass a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a finished stream returns (the generator's return value): all its text and why it stopped. */
export interface StreamResult {
  text: string;
  /** Gemini's finishReason: 'STOP', or 'MAX_TOKENS' when the text was cut at the output limit. */
  finishReason: string;
}

/** Default number of automatic retries. */
export const DEFAULT_MAX_RETRIES = 3;

interface Call {
  model: string;
  path: string;
  init: RequestInit;
  json: boolean;
  apiFetch: ApiFetch;
  signal: AbortSignal | undefined;
  maxRetries: number;
  onRetry: ((info: RetryEvent) => void) | undefined;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Streams the reply as text deltas, returning `{ text, finishReason }`; throws LlmError (`partial: true`, never retried, once text was yielded). */
export async function* streamGenerate(request: GeminiRequest, options: GenerateOptions = {}): AsyncGenerator<string, StreamResult, undefined> {
  const call = prepareCall(request, options, true);
  let text = '';
  for (let retriesDone = 0; ; retriesDone++) {
    const attempt = streamAttempt(call);
    try {
      for (;;) {
        let step: IteratorResult<string, string>;
        try {
          call.signal?.throwIfAborted();
          step = await attempt.next();
        } catch (error) {
          const failure = toLlmError(error, call);
          await waitBeforeRetry(text ? asPartial(failure) : failure, retriesDone, call);
          break;
        }
        if (step.done) return { text, finishReason: step.value };
        text += step.value;
        // Warning: no try/catch around this yield, so an error the consumer throws in is never mistaken for a failed call.
        yield step.value;
      }
    } finally {
      await attempt.return('');
    }
  }
}

/** Returns the whole reply at once (use with `json` for structured output). Throws LlmError. */
export async function generate(request: GeminiRequest, options: GenerateOptions = {}): Promise<string> {
  const call = prepareCall(request, options, false);
  for (let retriesDone = 0; ; retriesDone++) {
    try {
      call.signal?.throwIfAborted();
      return await generateAttempt(call);
    } catch (error) {
      await waitBeforeRetry(toLlmError(error, call), retriesDone, call);
    }
  }
}

function prepareCall(request: GeminiRequest, options: GenerateOptions, stream: boolean): Call {
  const body = JSON.stringify(buildGeminiBody(request));
  return {
    model: request.model,
    path: geminiPath(request.model, stream),
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: stream ? 'text/event-stream' : 'application/json' },
      body,
      signal: options.signal,
    },
    json: request.json !== undefined,
    apiFetch: createApiFetch({ getToken: options.getToken ?? (() => null), fetch: options.fetch }),
    signal: options.signal,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    onRetry: options.onRetry,
    sleep: options.sleep ?? defaultSleep,
  };
}

/** One try of a stream: yields text deltas, returns the finish reason, throws on any failure. */
async function* streamAttempt(call: Call): AsyncGenerator<string, string, undefined> {
  const response = await call.apiFetch(call.path, call.init);
  if (!response.body) throw new LlmError('network', 'The proxy answered the stream without a body.');
  const reader = response.body.getReader();
  const parser = createSseParser();
  const { signal } = call;
  // Any fetch gets cancelled on abort, even one that ignores the signal once the body has started.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finishReason: string | undefined;
  let hasText = false;
  let ended = false;
  try {
    while (!ended) {
      const read = await reader.read();
      signal?.throwIfAborted();
      ended = read.done;
      const payloads = read.done ? parser.end() : parser.push(read.value);
      for (const payload of payloads) {
        const chunk = parseGeminiChunk(payload);
        if (!chunk) throw new LlmError('unavailable', `Gemini sent a stream event that is not a response: ${payload.slice(0, 120)}`);
        throwIfFailed(chunk, call);
        if (chunk.finishReason) finishReason = chunk.finishReason;
        if (chunk.text) {
          hasText = true;
          yield chunk.text;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!ended) await reader.cancel().catch(() => undefined);
  }
  // Gemini always names a finish reason in its last event; a stream without one was cut off.
  if (finishReason === undefined) throw new LlmError('network', 'The stream ended before Gemini said the reply was finished.');
  const failure = llmErrorForFinish(finishReason, hasText);
  if (failure) throw failure;
  return finishReason;
}

/** One try of a whole-answer call. */
async function generateAttempt(call: Call): Promise<string> {
  const response = await call.apiFetch(call.path, call.init);
  const raw = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new LlmError('unavailable', `Gemini answered with something that is not JSON: ${raw.slice(0, 120)}`);
  }
  const chunk = readGeminiResponse(body);
  if (!chunk) throw new LlmError('unavailable', 'Gemini answered with JSON that is not a response object.');
  throwIfFailed(chunk, call);
  const failure = llmErrorForFinish(chunk.finishReason, chunk.text.length > 0);
  if (failure) throw failure;
  // Warning: JSON cut at the output limit never parses, so it is an error here, not a short answer.
  if (call.json && chunk.finishReason === 'MAX_TOKENS') {
    throw new LlmError('max-tokens', 'Gemini hit maxOutputTokens in the middle of its JSON answer.', {
      finishReason: 'MAX_TOKENS',
      userMessage: "The model's answer was cut off at its output limit. Try again with a higher output limit, or pick a model that thinks less.",
    });
  }
  return chunk.text;
}

/** Throws for a chunk that carries an error or a blocked prompt. */
function throwIfFailed(chunk: GeminiChunk, call: Call): void {
  if (chunk.error) {
    throw llmErrorFromHttp({ status: chunk.error.code ?? 500, body: { error: chunk.error }, model: call.model });
  }
  if (chunk.blockReason) throw llmErrorForBlock(chunk.blockReason);
}

/** Waits before the next try, or throws `failure` when there is to be none. */
async function waitBeforeRetry(failure: LlmError, retriesDone: number, call: Call): Promise<void> {
  const retry = planRetry(failure, retriesDone, call.maxRetries);
  if (!retry) throw failure;
  call.onRetry?.(retry);
  try {
    await call.sleep(retry.delayMs, call.signal);
    call.signal?.throwIfAborted();
  } catch (error) {
    throw toLlmError(error, call);
  }
}

/** Turns anything thrown during a call into an LlmError. */
function toLlmError(error: unknown, call: Call): LlmError {
  if (call.signal?.aborted) return new LlmError('aborted', 'The Gemini call was aborted.', { cause: error });
  if (error instanceof LlmError) return error;
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return new LlmError('network', error.message, { cause: error });
    return llmErrorFromHttp({
      status: error.status,
      code: error.code === UNEXPECTED_RESPONSE ? undefined : error.code,
      body: error.body,
      headers: error.headers,
      model: call.model,
    });
  }
  return new LlmError('network', `The connection failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** The same error, marked as coming after some text was already yielded. */
function asPartial(error: LlmError): LlmError {
  if (error.partial) return error;
  return new LlmError(error.kind, error.message, {
    userMessage: error.userMessage,
    partial: true,
    status: error.status,
    retryAfterMs: error.retryAfterMs,
    finishReason: error.finishReason,
    cause: error.cause,
  });
}
