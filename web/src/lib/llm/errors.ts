// LlmError, the one error the LLM client fails with, whatever the provider; the pure mapping of the proxy's
// own error responses and of finish reasons onto it.
import { assertNever, parseRetryAfterMs } from '../common/index.ts';

/** What went wrong, in terms the app can act on. */
export type LlmErrorKind =
  | 'rate-limited'
  | 'quota-exhausted'
  | 'unavailable'
  | 'network'
  | 'incomplete'
  | 'safety'
  | 'recitation'
  | 'max-tokens'
  | 'empty'
  | 'bad-request'
  | 'unauthorized'
  | 'not-configured'
  | 'misconfigured'
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
  /** The provider's finish or block reason behind a 'safety' / 'recitation' / 'max-tokens' / 'empty' error. */
  finishReason?: string;
  /** The underlying error, for logs. */
  cause?: unknown;
}

/** A failed LLM call: `kind` for code, `userMessage` for people, `message` for developers. */
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
  /** The provider's finish or block reason behind the error, when there was one. */
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
    case 'incomplete':
    case 'safety':
    case 'recitation':
    case 'empty':
      return true;
    case 'quota-exhausted':
    case 'max-tokens':
    case 'bad-request':
    case 'unauthorized':
    case 'not-configured':
    case 'misconfigured':
    case 'forbidden':
    case 'aborted':
      return false;
    default:
      return assertNever(kind);
  }
}

/** The plain-words message for a kind: what happened, then what to do or who can fix it. */
export function defaultUserMessage(kind: LlmErrorKind, retryAfterMs?: number): string {
  switch (kind) {
    case 'rate-limited':
      return retryAfterMs === undefined
        ? 'The language model is getting too many requests right now. Wait a moment and try again.'
        : `The language model is getting too many requests right now. Try again in ${String(Math.max(1, Math.ceil(retryAfterMs / 1000)))} seconds.`;
    case 'quota-exhausted':
      return "This server has used up its daily quota of language model requests. Try again tomorrow, or ask whoever runs the server to raise the quota or offer another model.";
    case 'unavailable':
      return 'The language model is busy or unavailable right now. Try again in a moment.';
    case 'network':
      return 'The connection to the server was lost. Check your internet connection and try again.';
    case 'incomplete':
      return 'The language model stopped sending its reply before it was finished. Try again.';
    case 'safety':
      return "The interviewer's reply was blocked by the model's safety filter. Try again, or rephrase your last answer.";
    case 'recitation':
      return "The interviewer's reply was stopped because it repeated text from elsewhere too closely. Try again.";
    case 'max-tokens':
      return "The model's reply did not fit its output limit, even with more room. Try again, or pick a model that thinks less.";
    case 'empty':
      return 'The model sent back an empty reply. Try again.';
    case 'bad-request':
      return 'The server did not accept the request. Try again; if it keeps happening, it is a bug in the app.';
    case 'unauthorized':
      return 'This server needs an access token, or the saved one was not accepted. Enter the token you were given and try again.';
    case 'not-configured':
      return 'The language model is not configured on this server. Whoever runs it needs to set GEMINI_API_KEY or OPENAI_BASE_URL.';
    case 'misconfigured':
      return "The language model service refused this server's settings. Whoever runs the xquizit server needs to check its language model settings.";
    case 'forbidden':
      return 'The server refused this request. Check the settings, or ask whoever runs the server.';
    case 'aborted':
      return 'The request was cancelled.';
    default:
      return assertNever(kind);
  }
}

/** Everything known about an error response: status, the proxy's code (if it made the error), body and headers. */
export interface HttpFailure {
  status: number;
  /** The proxy's own error code (`not_configured`, `model_not_allowed`, ...), or undefined for relayed upstream errors. */
  code?: string;
  body: unknown;
  headers?: Headers;
  /** The model asked for, to name it in messages. */
  model?: string;
}

/** The error codes the proxy answers with itself; any other body is the upstream's, relayed. */
const PROXY_ERROR_CODES = new Set([
  'bad_request',
  'unauthorized',
  'forbidden_origin',
  'model_not_allowed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'rate_limited',
  'not_configured',
  'upstream_unreachable',
  'upstream_timeout',
  'upstream_error',
  'shutting_down',
  'internal',
]);

/** Whether an error code is one the proxy makes itself (OpenAI-compatible servers send string codes too). */
export function isProxyErrorCode(code: string | undefined): code is string {
  return code !== undefined && PROXY_ERROR_CODES.has(code);
}

/** Maps an error the proxy made itself (`failure.code` set) to an LlmError; `service` names the provider in messages. */
export function llmErrorFromProxy(failure: HttpFailure & { code: string }, service: string, now = Date.now()): LlmError {
  const { status, code } = failure;
  const retryAfterMs = parseRetryAfterMs(failure.headers?.get('retry-after'), now);
  const message = `${service} call failed with HTTP ${String(status)}: ${proxyMessage(failure.body) ?? code}`;
  const base = { status, retryAfterMs };
  switch (code) {
    case 'unauthorized':
      return new LlmError('unauthorized', message, base);
    case 'model_not_allowed': {
      const model = failure.model ? `"${failure.model}"` : 'this model';
      return new LlmError('forbidden', message, { ...base, userMessage: `This server does not allow the model ${model}. Pick another model on the setup screen.` });
    }
    case 'forbidden_origin':
      return new LlmError('forbidden', message, { ...base, userMessage: 'This server does not accept requests from this site. Open the app from the server’s own address.' });
    case 'rate_limited':
      return new LlmError('rate-limited', message, base);
    case 'not_configured':
      return new LlmError('not-configured', message, {
        ...base,
        userMessage: `The language model (${service}) is not configured on this server. Whoever runs it needs to set it up; until then, pick another model if one is offered.`,
      });
    case 'payload_too_large':
      return new LlmError('bad-request', message, { ...base, userMessage: 'The request is too large for this server. Shorten the resume or job description and try again.' });
    default:
      return llmErrorByStatus(status, message, base);
  }
}

/** The error a status means when nothing more specific is known: 429 busy, 5xx unavailable, 401 unauthorized, else a bad request. */
export function llmErrorByStatus(status: number, message: string, details: LlmErrorDetails = {}): LlmError {
  const base = { status, ...details };
  if (status === 401) return new LlmError('unauthorized', message, base);
  if (status === 403) return new LlmError('forbidden', message, base);
  if (status === 429) return new LlmError('rate-limited', message, base);
  if (status === 408 || status >= 500) return new LlmError('unavailable', message, base);
  return new LlmError('bad-request', message, base);
}

/** Why a reply stopped, in the app's terms; `raw` keeps the provider's own word for messages. */
export interface Finish {
  reason: 'stop' | 'length' | 'safety' | 'recitation' | 'other';
  raw: string;
}

/** The error for a reply that stopped as `finish` says; undefined when it is a complete reply. */
export function llmErrorForFinish(finish: Finish, hasText: boolean, service: string): LlmError | undefined {
  const details = { finishReason: finish.raw, partial: hasText };
  switch (finish.reason) {
    case 'safety':
      return new LlmError('safety', `${service} stopped the reply: ${finish.raw}.`, details);
    case 'recitation':
      return new LlmError('recitation', `${service} stopped the reply: ${finish.raw}.`, details);
    case 'length':
      // Warning: a reply cut at the output limit is never complete, even when it reads like a question.
      return new LlmError('max-tokens', `${service} hit the output limit (${finish.raw}) ${hasText ? 'mid-reply' : 'before any visible text (thinking may have used it)'}.`, details);
    case 'stop':
    case 'other':
      return hasText ? undefined : new LlmError('empty', `${service}'s reply had no text (${finish.raw}).`, details);
    default:
      return assertNever(finish.reason);
  }
}

function proxyMessage(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
