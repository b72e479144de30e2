// The shared LLM client: calls a provider through the proxy, `streamGenerate` yielding text deltas and `generate`
// returning one whole answer (for JSON). Retries, abort and the errors the UI shows live here, once for every provider.
import { ApiError, createApiFetch, NETWORK_ERROR, UNEXPECTED_RESPONSE, type ApiFetch } from '../api/index.ts';
import { isProxyErrorCode, LlmError, llmErrorForFinish, llmErrorFromProxy, type Finish } from './errors.ts';
import type { LlmProvider, ProviderCall } from './provider.ts';
import { assertUserFirst, DEFAULT_MAX_OUTPUT_TOKENS, type LlmRequest } from './request.ts';
import { planRetry, sleep as defaultSleep, type RetryEvent } from './retry.ts';

/** How a call reaches the proxy and what it does on the way; everything is optional. */
export interface GenerateOptions {
  /** Cancels the call (and any wait before a retry); the call then fails with LlmError 'aborted'. */
  signal?: AbortSignal;
  /** The fetch to use; defaults to the global one (tests pass a fake). */
  fetch?: typeof fetch;
  /** Returns the proxy access token, or null when there is none. */
  getToken?: () => string | null;
  /**
   * Told before each automatic retry, e.g. to show "busy, retrying in 2 s". Warning: after a retry whose reason is
   * 'max-tokens' the text yielded so far is void (the reply was cut at its output limit and is asked for again).
   */
  onRetry?: (info: RetryEvent) => void;
  /** How many times to retry (429 / 5xx / network failures before any text, and replies cut at the output limit); default 3. */
  maxRetries?: number;
  /** The wait between tries; defaults to a timer that stops on abort (tests pass a fake). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** What a finished stream returns (the generator's return value): the text of the reply and why it stopped. */
export interface StreamResult {
  text: string;
  /** The provider's own finish reason, e.g. 'STOP' (Gemini) or 'stop' (OpenAI-compatible). */
  finishReason: string;
}

/** Default number of automatic retries. */
export const DEFAULT_MAX_RETRIES = 3;

/** The most output room a reply cut at its limit is retried with (the proxy's default clamp). */
export const MAX_OUTPUT_TOKENS_CEILING = 8192;

interface Call {
  provider: LlmProvider;
  model: string;
  wire: ProviderCall;
  /** Output room of the next try; doubled after a reply cut at the limit. */
  room: number;
  init: RequestInit;
  apiFetch: ApiFetch;
  signal: AbortSignal | undefined;
  maxRetries: number;
  onRetry: ((info: RetryEvent) => void) | undefined;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Streams the reply as text deltas, returning `{ text, finishReason }`. Throws LlmError (`partial: true` once text was
 * yielded); a failure after text is never retried here, except a reply cut at its output limit (see `onRetry`).
 */
export async function* streamGenerate(provider: LlmProvider, request: LlmRequest, options: GenerateOptions = {}): AsyncGenerator<string, StreamResult, undefined> {
  const call = prepareCall(provider, request, options, true);
  let text = '';
  let retriesDone = 0;
  for (;;) {
    const attempt = streamAttempt(call);
    try {
      for (;;) {
        let step: IteratorResult<string, string>;
        try {
          call.signal?.throwIfAborted();
          step = await attempt.next();
        } catch (error) {
          const failure = toLlmError(error, call);
          const next = await planNext(text ? asPartial(failure) : failure, retriesDone, call);
          if (next === 'retry') retriesDone++;
          if (failure.kind === 'max-tokens') text = '';
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
export async function generate(provider: LlmProvider, request: LlmRequest, options: GenerateOptions = {}): Promise<string> {
  const call = prepareCall(provider, request, options, false);
  let retriesDone = 0;
  for (;;) {
    try {
      call.signal?.throwIfAborted();
      return await generateAttempt(call);
    } catch (error) {
      if ((await planNext(toLlmError(error, call), retriesDone, call)) === 'retry') retriesDone++;
    }
  }
}

function prepareCall(provider: LlmProvider, request: LlmRequest, options: GenerateOptions, stream: boolean): Call {
  assertUserFirst(request);
  return {
    provider,
    model: request.model,
    wire: provider.start(request, { stream }),
    room: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: stream ? 'text/event-stream' : 'application/json' },
      signal: options.signal,
    },
    apiFetch: createApiFetch({ getToken: options.getToken ?? (() => null), fetch: options.fetch }),
    signal: options.signal,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    onRetry: options.onRetry,
    sleep: options.sleep ?? defaultSleep,
  };
}

function send(call: Call): Promise<Response> {
  return call.apiFetch(call.wire.path, { ...call.init, body: JSON.stringify(call.wire.body(call.room)) });
}

/** One try of a stream: yields text deltas, returns the finish reason, throws on any failure. */
async function* streamAttempt(call: Call): AsyncGenerator<string, string, undefined> {
  const response = await send(call);
  if (!response.body) throw new LlmError('network', 'The proxy answered the stream without a body.');
  const reader = response.body.getReader();
  const events = call.wire.streamReader();
  const { signal } = call;
  // Any fetch gets cancelled on abort, even one that ignores the signal once the body has started.
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  let finish: Finish | undefined;
  let hasText = false;
  let ended = false;
  try {
    while (!ended) {
      const read = await reader.read();
      signal?.throwIfAborted();
      ended = read.done;
      for (const event of read.done ? events.end() : events.push(read.value)) {
        if (event.type === 'error') throw event.error;
        if (event.type === 'finish') finish = event.finish;
        else if (event.text) {
          hasText = true;
          yield event.text;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!ended) await reader.cancel().catch(() => undefined);
  }
  if (finish === undefined) {
    throw new LlmError('incomplete', `The stream ended before ${call.provider.name} said the reply was finished.`);
  }
  const failure = llmErrorForFinish(finish, hasText, call.provider.name);
  if (failure) throw failure;
  return finish.raw;
}

/** One try of a whole-answer call. */
async function generateAttempt(call: Call): Promise<string> {
  const response = await send(call);
  const raw = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new LlmError('unavailable', `${call.provider.name} answered with something that is not JSON: ${raw.slice(0, 120)}`);
  }
  const reply = call.wire.readWhole(json);
  const failure = llmErrorForFinish(reply.finish ?? { reason: 'stop', raw: 'no finish reason' }, reply.text.length > 0, call.provider.name);
  if (failure) throw failure;
  return reply.text;
}

/** Decides what follows a failed try: adapt the body, retry with more room, wait and retry, or throw `failure`. */
async function planNext(failure: LlmError, retriesDone: number, call: Call): Promise<'adapted' | 'retry'> {
  if (failure.kind === 'bad-request' && !failure.partial && call.wire.adaptToRefusal(failure)) return 'adapted';
  if (failure.kind === 'max-tokens') {
    const room = Math.min(call.room * 2, MAX_OUTPUT_TOKENS_CEILING);
    if (room <= call.room || retriesDone >= call.maxRetries) throw failure;
    call.room = room;
    call.onRetry?.({ attempt: retriesDone + 1, delayMs: 0, reason: 'max-tokens' });
    return 'retry';
  }
  const retry = planRetry(failure, retriesDone, call.maxRetries);
  if (!retry) throw failure;
  call.onRetry?.(retry);
  try {
    await call.sleep(retry.delayMs, call.signal);
    call.signal?.throwIfAborted();
  } catch (error) {
    throw toLlmError(error, call);
  }
  return 'retry';
}

/** Turns anything thrown during a call into an LlmError. */
function toLlmError(error: unknown, call: Call): LlmError {
  if (call.signal?.aborted) return new LlmError('aborted', `The ${call.provider.name} call was aborted.`, { cause: error });
  if (error instanceof LlmError) return error;
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return new LlmError('network', error.message, { cause: error });
    const failure = { status: error.status, body: error.body, headers: error.headers, model: call.model };
    const code = error.code === UNEXPECTED_RESPONSE ? undefined : error.code;
    return isProxyErrorCode(code) ? llmErrorFromProxy({ ...failure, code }, call.provider.name) : call.wire.upstreamError(failure);
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
