// The Google half of the errors: Gemini's relayed error bodies (RetryInfo, QuotaFailure, ErrorInfo, the status
// names) and its blocked prompts mapped onto LlmError, in words that say who can fix what. Pure.
import * as v from 'valibot';
import { LlmError, llmErrorByStatus, type HttpFailure } from '../errors.ts';
import { parseRetryAfterMs } from '../../common/index.ts';

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
const QuotaFailureSchema = v.looseObject({
  '@type': v.pipe(v.string(), v.endsWith('QuotaFailure')),
  violations: v.array(v.looseObject({ quotaId: v.optional(v.string()), quotaMetric: v.optional(v.string()) })),
});

const RETRY_DELAY_RE = /^(\d+(?:\.\d+)?)s$/;

function details(body: unknown): unknown[] {
  const parsed = v.safeParse(GoogleErrorSchema, body);
  return parsed.success ? (parsed.output.error.details ?? []) : [];
}

function googleField(body: unknown, field: 'message' | 'status'): string | undefined {
  const parsed = v.safeParse(GoogleErrorSchema, body);
  const value = parsed.success ? parsed.output.error[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads Google's `RetryInfo.retryDelay` ("12s", "0.5s") from an error body, in milliseconds. */
export function retryInfoDelayMs(body: unknown): number | undefined {
  for (const detail of details(body)) {
    if (!v.is(RetryInfoSchema, detail)) continue;
    const seconds = RETRY_DELAY_RE.exec(detail.retryDelay.trim())?.[1];
    if (seconds !== undefined) return Math.round(Number(seconds) * 1000);
  }
  return undefined;
}

/** Whether a 429 names a per-day quota (QuotaFailure quotaId `...PerDay...`): its short RetryInfo then promises too much. */
export function isDailyQuota(body: unknown): boolean {
  return details(body).some(
    (detail) => v.is(QuotaFailureSchema, detail) && detail.violations.some((violation) => /per_?day/i.test(`${violation.quotaId ?? ''} ${violation.quotaMetric ?? ''}`)),
  );
}

function errorInfoReason(body: unknown): string | undefined {
  for (const detail of details(body)) {
    if (v.is(ErrorInfoSchema, detail)) return detail.reason;
  }
  return undefined;
}

/** Maps an error response Gemini sent (relayed by the proxy, or inside a stream) to an LlmError. */
export function geminiUpstreamError(failure: HttpFailure, now = Date.now()): LlmError {
  const { status, body } = failure;
  const googleStatus = googleField(body, 'status');
  const message = `Gemini call failed with HTTP ${String(status)}${googleStatus ? ` ${googleStatus}` : ''}: ${googleField(body, 'message') ?? 'no description'}`;
  const model = failure.model ? `"${failure.model}"` : 'this model';
  const operator = (userMessage: string) => new LlmError('misconfigured', message, { status, userMessage });
  if (status === 429) {
    if (isDailyQuota(body)) return new LlmError('quota-exhausted', message, { status });
    return new LlmError('rate-limited', message, { status, retryAfterMs: parseRetryAfterMs(failure.headers?.get('retry-after'), now) ?? retryInfoDelayMs(body) });
  }
  if (status === 401) {
    return operator("Google did not accept this server's credentials for Gemini. Whoever runs the xquizit server needs to check GEMINI_API_KEY.");
  }
  if (status === 400 && errorInfoReason(body) === 'API_KEY_INVALID') {
    return operator("Google did not accept this server's Gemini API key. Whoever runs the xquizit server needs to check GEMINI_API_KEY.");
  }
  if (status === 400 && googleStatus === 'FAILED_PRECONDITION') {
    return operator(
      'Google will not serve Gemini to this server from where it runs (its region is not supported, or the free tier needs billing there). Whoever runs the xquizit server needs to enable billing or run it in a supported region.',
    );
  }
  if (status === 403) {
    return operator(
      "Google refused this server's Gemini key: it may have been revoked, or the Gemini API is turned off for its project. Whoever runs the xquizit server needs to check GEMINI_API_KEY and the project.",
    );
  }
  if (status === 404) {
    return operator(`Google no longer offers the model ${model}. Pick another model on the setup screen; whoever runs the server should take it off GEMINI_MODELS.`);
  }
  return llmErrorByStatus(status, message, { retryAfterMs: parseRetryAfterMs(failure.headers?.get('retry-after'), now) ?? retryInfoDelayMs(body) });
}

/** The error for a prompt Gemini refused outright (promptFeedback.blockReason). */
export function geminiBlockedError(blockReason: string): LlmError {
  return new LlmError('safety', `Gemini blocked the prompt: blockReason ${blockReason}.`, {
    finishReason: blockReason,
    userMessage: "Your last answer was blocked by the model's safety filter before the interviewer could reply. Rephrase it and try again.",
  });
}
