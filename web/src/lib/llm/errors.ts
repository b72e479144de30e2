// LlmError, the one error the Gemini client fails with, and the pure mapping of HTTP failures,
// finish reasons and retry hints (Retry-After, Google's RetryInfo) onto it.
import * as v from 'valibot';
import { assertNever, parseRetryAfterMs } from '../common/index.ts';

/** What went wrong, in terms the app can act on. */
export type LlmErrorKind =
  | 'rate-limited'
  | 'unavailable'
  | 'network'
  | 'safety'
  | 'recitation'
  | 'max-tokens'
  | 'empty'
  | 'bad-request'
  | 'unauthorized'
  | 'not-configured'
  | 'forbidden'
  | 'aborted';

/** Extra facts an LlmError may carry. */
export interface LlmErrorDetails {
  /** Overrides the kind's default plain-words message. */
  userMessage?: string;
  /** True when some text was already yielded before the failure. */
  partial?: boolean;
  /** HTTP status of the failed response, when one came. */
  status?: number;
  /** How long the server asked us to wait before trying again, in milliseconds. */
  retryAfterMs?: number;
  /** Gemini's finishReason or blockReason behind a 'safety' / 'recitation' / 'max-tokens' / 'empty' error. */
  finishReason?: string;
  /** The underlying error, for logs. */
  cause?: unknown;
}

/** A failed Gemini call: `kind` for code, `userMessage` for people, `message` for developers. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  /** Whether trying the same call again may succeed. */
  readonly retryable: boolean;
  /** What happened and what to do, in plain words for the candidate. */
  readonly userMessage: string;
  /** True when some text was already yielded before the failure (the caller retries the whole turn). */
  readonly partial: boolean;
  /** HTTP status of the failed response, when one came. */
  readonly status: number | undefined;
  /** How long the server asked us to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;
  /** Gemini's finish or block reason behind the error, when there was one. */
  readonly finishReason: string | undefined;

  /** Builds an error of `kind`; retryable and the default user message follow from the kind. */
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    details: LlmErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.retryable = isRetryableKind(kind);
    this.userMessage = details.userMessage ?? defaultUserMessage(kind, details.retryAfterMs);
    this.partial = details.partial ?? false;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.finishReason = details.finishReason;
  }
}

/** Whether a call that failed this way may succeed when tried again unchanged. */
export function isRetryableKind(kind: LlmErrorKind): boolean {
  switch (kind) {
    case 'rate-limited':
    case 'unavailable':
    case 'network':
    case 'safety':
    case 'recitation':
    case 'empty':
      return true;
    case 'max-tokens':
    case 'bad-request':
    case 'unauthorized':
    case 'not-configured':
    case 'forbidden':
    case 'aborted':
      return false;
    default:
      return assertNever(kind);
  }
}

/** The plain-words message for a kind: what happened, then what to do. */
export function defaultUserMessage(kind: LlmErrorKind, retryAfterMs?: number): string {
  switch (kind) {
    case 'rate-limited':
      return retryAfterMs === undefined
        ? 'The language model is getting too many requests right now. Wait a moment and try again.'
        : `The language model is getting too many requests right now. Try again in ${String(Math.max(1, Math.ceil(retryAfterMs / 1000)))} seconds.`;
    case 'unavailable':
      return 'The language model is busy or unavailable right now. Try again in a moment.';
    case 'network':
      return 'The connection to the server was lost. Check your internet connection and try again.';
    case 'safety':
      return "The interviewer's reply was blocked by the model's safety filter. Try again, or rephrase your last answer.";
    case 'recitation':
      return "The interviewer's reply was stopped because it repeated text from elsewhere too closely. Try again.";
    case 'max-tokens':
      return 'The model used up its output budget before writing anything. Try again with a higher output limit, or pick a model that thinks less.';
    case 'empty':
      return 'The model sent back an empty reply. Try again.';
    case 'bad-request':
      return 'The server did not accept the request. Try again; if it keeps happening, it is a bug in the app.';
    case 'unauthorized':
      return 'This server needs an access token, or the saved one was not accepted. Enter the token you were given and try again.';
    case 'not-configured':
      return 'The language model is not configured on this server. Whoever runs it needs to set GEMINI_API_KEY.';
    case 'forbidden':
      return 'The server refused this request. Check the settings, or ask whoever runs the server.';
    case 'aborted':
      return 'The request was cancelled.';
    default:
      return assertNever(kind);
  }
}

const RETRY_DELAY_RE = /^(\d+(?:\.\d+)?)s$/;

const GoogleErrorSchema = v.object({
  error: v.looseObject({
    code: v.optional(v.unknown()),
    message: v.optional(v.unknown()),
    status: v.optional(v.unknown()),
    details: v.optional(v.array(v.unknown())),
  }),
});

const RetryInfoSchema = v.looseObject({ '@type': v.pipe(v.string(), v.endsWith('RetryInfo')), retryDelay: v.string() });
const ErrorInfoSchema = v.looseObject({ '@type': v.pipe(v.string(), v.endsWith('ErrorInfo')), reason: v.string() });

/** Reads Google's `RetryInfo.retryDelay` ("12s", "0.5s") from an error body, in milliseconds. */
export function retryInfoDelayMs(body: unknown): number | undefined {
  const parsed = v.safeParse(GoogleErrorSchema, body);
  if (!parsed.success) return undefined;
  for (const detail of parsed.output.error.details ?? []) {
    if (!v.is(RetryInfoSchema, detail)) continue;
    const seconds = RETRY_DELAY_RE.exec(detail.retryDelay.trim())?.[1];
    if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
  }
  return undefined;
}

function errorInfoReason(body: unknown): string | undefined {
  const parsed = v.safeParse(GoogleErrorSchema, body);
  if (!parsed.success) return undefined;
  for (const detail of parsed.output.error.details ?? []) {
    if (v.is(ErrorInfoSchema, detail)) return detail.reason;
  }
  return undefined;
}

function upstreamMessage(body: unknown): string | undefined {
  const parsed = v.safeParse(GoogleErrorSchema, body);
  const message = parsed.success ? parsed.output.error.message : undefined;
  return typeof message === 'string' && message ? message : undefined;
}

/** Everything known about an error response: status, the proxy's code (if it made the error), body and headers. */
export interface HttpFailure {
  status: number;
  /** The proxy's own error code (`not_configured`, `model_not_allowed`, ...), or undefined for relayed Gemini errors. */
  code?: string;
  body: unknown;
  headers?: Headers;
  /** The model asked for, to name it in messages. */
  model?: string;
}

/** Maps an error response from the proxy (its own, or Gemini's relayed) to an LlmError. */
export function llmErrorFromHttp(failure: HttpFailure, now = Date.now()): LlmError {
  const { status, code, body } = failure;
  const retryAfterMs = parseRetryAfterMs(failure.headers?.get('retry-after'), now) ?? retryInfoDelayMs(body);
  const detail = upstreamMessage(body) ?? code ?? 'no description';
  const message = `Gemini call failed with HTTP ${String(status)}: ${detail}`;
  const base = { status, retryAfterMs };
  if (status === 401) return new LlmError('unauthorized', message, base);
  if (status === 403) {
    if (code === 'model_not_allowed') {
      const model = failure.model ? `"${failure.model}"` : 'this model';
      return new LlmError('forbidden', message, { ...base, userMessage: `This server does not allow the model ${model}. Pick another model in the interview settings.` });
    }
    if (code === 'forbidden_origin') {
      return new LlmError('forbidden', message, { ...base, userMessage: 'This server does not accept requests from this site. Open the app from the server’s own address.' });
    }
    return new LlmError('forbidden', message, base);
  }
  if (status === 429) return new LlmError('rate-limited', message, base);
  if (status === 503 && code === 'not_configured') return new LlmError('not-configured', message, base);
  if (status === 400 && errorInfoReason(body) === 'API_KEY_INVALID') {
    return new LlmError('not-configured', message, {
      ...base,
      userMessage: "Google did not accept this server's Gemini API key. Whoever runs the server needs to check GEMINI_API_KEY.",
    });
  }
  if (status === 413) {
    return new LlmError('bad-request', message, { ...base, userMessage: 'The request is too large for this server. Shorten the resume or job description and try again.' });
  }
  if (status >= 500) return new LlmError('unavailable', message, base);
  return new LlmError('bad-request', message, base);
}

/** The error for a reply that stopped for `finishReason`; undefined when the reason is not an error. */
export function llmErrorForFinish(finishReason: string | undefined, hasText: boolean): LlmError | undefined {
  switch (finishReason) {
    case 'SAFETY':
    case 'PROHIBITED_CONTENT':
    case 'BLOCKLIST':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return new LlmError('safety', `Gemini stopped the reply: finishReason ${finishReason}.`, { finishReason, partial: hasText });
    case 'RECITATION':
      return new LlmError('recitation', 'Gemini stopped the reply: finishReason RECITATION.', { finishReason, partial: hasText });
    case 'MAX_TOKENS':
      return hasText ? undefined : new LlmError('max-tokens', 'Gemini hit maxOutputTokens before any visible text (thinking may have used the budget).', { finishReason });
    default:
      return hasText ? undefined : new LlmError('empty', `Gemini's reply had no text (finishReason ${finishReason ?? 'none'}).`, { finishReason });
  }
}

/** The error for a prompt Gemini refused outright (promptFeedback.blockReason). */
export function llmErrorForBlock(blockReason: string): LlmError {
  return new LlmError('safety', `Gemini blocked the prompt: blockReason ${blockReason}.`, {
    finishReason: blockReason,
    userMessage: "Your last answer was blocked by the model's safety filter before the interviewer could reply. Rephrase it and try again.",
  });
}
