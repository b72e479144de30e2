// Pure builders of Gemini's wire format: Google's compact JSON layout, SSE events,
// text chunking, the non-streaming response object and Google's JSON error bodies.

/** Why Gemini stopped a candidate (the ones the fakes can produce). */
export type GeminiFinishReason = 'STOP' | 'SAFETY' | 'MAX_TOKENS' | 'RECITATION';

/** HTTP statuses the fake can fail with, each answered with Google's body for it. */
export type GeminiErrorStatus = 400 | 403 | 404 | 429 | 500 | 503;

/** Separator between SSE events in Gemini streams. */
export const SSE_SEPARATOR = '\r\n\r\n';

/**
 * Serializes like Gemini's SSE payloads: `{"a": 1,"b": [{"c": "d"}]}` (a space after each
 * colon, none after commas). Non-ASCII stays raw UTF-8, as in the captured streams.
 */
export function googleJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(googleJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}: ${googleJson(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** One SSE event carrying `payload`, terminated by CRLF CRLF like Google's. */
export function sseEvent(payload: unknown): string {
  return `data: ${googleJson(payload)}${SSE_SEPARATOR}`;
}

/** Splits a captured stream into its events, each keeping its trailing separator. */
export function splitEvents(bytes: Buffer): Buffer[] {
  const events: Buffer[] = [];
  let start = 0;
  while (start < bytes.length) {
    const at = bytes.indexOf(SSE_SEPARATOR, start);
    const end = at === -1 ? bytes.length : at + SSE_SEPARATOR.length;
    events.push(bytes.subarray(start, end));
    start = end;
  }
  return events;
}

/** Parses the JSON payloads of an SSE stream's `data:` lines. */
export function parseEvents(text: string): unknown[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice('data:'.length)) as unknown);
}

/**
 * Cuts `text` into `count` pieces that join back to it exactly, at word boundaries when
 * there are enough words, otherwise between code points (never inside a surrogate pair).
 */
export function splitText(text: string, count: number): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const units = words.length >= count ? words : Array.from(text);
  const n = Math.max(1, Math.min(Math.floor(count), units.length));
  const pieces: string[] = [];
  for (let i = 0; i < n; i++) {
    const from = Math.round((i * units.length) / n);
    const to = Math.round(((i + 1) * units.length) / n);
    pieces.push(units.slice(from, to).join(''));
  }
  return pieces.length > 0 ? pieces : [''];
}

/** A rough token count (4 characters a token), enough for plausible usage numbers. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What every response object of one reply shares. */
export interface ResponseContext {
  model: string;
  responseId: string;
  promptTokens: number;
  usage: boolean;
}

/** One `GenerateContentResponse` with `text` (no parts when it is empty, as when thoughts took the whole budget); `finishReason` only when given. */
export function responseObject(
  context: ResponseContext,
  text: string,
  finishReason: GeminiFinishReason | undefined,
  candidateTokens: number,
  thoughtsTokens = 0,
): Record<string, unknown> {
  return {
    candidates: [{ content: text === '' ? { role: 'model' } : { parts: [{ text }], role: 'model' }, finishReason, index: 0 }],
    usageMetadata: context.usage
      ? {
          promptTokenCount: context.promptTokens,
          candidatesTokenCount: candidateTokens,
          totalTokenCount: context.promptTokens + candidateTokens + thoughtsTokens,
          promptTokensDetails: [{ modality: 'TEXT', tokenCount: context.promptTokens }],
          ...(thoughtsTokens > 0 ? { thoughtsTokenCount: thoughtsTokens } : {}),
        }
      : undefined,
    modelVersion: context.model,
    responseId: context.responseId,
  };
}

/** The SSE events for `pieces`, with cumulative usage (thoughts included) and the finish reason on the last. */
export function textEvents(context: ResponseContext, pieces: readonly string[], finishReason: GeminiFinishReason, thoughtsTokens = 0): string[] {
  let sent = '';
  return pieces.map((piece, i) => {
    sent += piece;
    const last = i === pieces.length - 1;
    return sseEvent(responseObject(context, piece, last ? finishReason : undefined, estimateTokens(sent), thoughtsTokens));
  });
}

/**
 * Folds a captured stream's payloads into one non-streaming response: the last payload's
 * fields, the first one's promptFeedback, and all text parts joined into one.
 */
export function foldPayloads(payloads: readonly unknown[]): unknown {
  const last = structuredClone(payloads.at(-1) ?? {}) as { candidates?: { content?: { parts?: unknown[] } }[] };
  const first = payloads[0] as { promptFeedback?: unknown } | undefined;
  const text = payloads
    .flatMap((p) => (p as { candidates?: { content?: { parts?: { text?: string }[] } }[] }).candidates ?? [])
    .flatMap((c) => c.content?.parts ?? [])
    .map((part) => part.text ?? '')
    .join('');
  const content = last.candidates?.[0]?.content;
  if (content) content.parts = [{ text }];
  return first?.promptFeedback === undefined ? last : { ...last, promptFeedback: first.promptFeedback };
}

/** Google's JSON error body, pretty-printed as Google sends it. */
export function googleErrorBody(code: number, status: string, message: string, details?: unknown[]): string {
  return `${JSON.stringify({ error: { code, message, status, details } }, null, 2)}\n`;
}

/** The body Google answers for a wrong API key. */
export function apiKeyInvalidBody(): string {
  return googleErrorBody(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
    { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' },
  ]);
}

/** Google's body for `status`; `message` overrides the stock one, retry seconds add RetryInfo to a 429. */
export function statusErrorBody(status: GeminiErrorStatus, message?: string, retryAfterSeconds?: number): string {
  switch (status) {
    case 400:
      return googleErrorBody(400, 'INVALID_ARGUMENT', message ?? 'Request contains an invalid argument.');
    case 403:
      return googleErrorBody(
        403,
        'PERMISSION_DENIED',
        message ??
          "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
      );
    case 404:
      return googleErrorBody(404, 'NOT_FOUND', message ?? 'Requested entity was not found.');
    case 429:
      return googleErrorBody(
        429,
        'RESOURCE_EXHAUSTED',
        message ??
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.',
        retryAfterSeconds === undefined
          ? undefined
          : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${String(retryAfterSeconds)}s` }],
      );
    case 500:
      return googleErrorBody(
        500,
        'INTERNAL',
        message ?? 'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
      );
    case 503:
      return googleErrorBody(503, 'UNAVAILABLE', message ?? 'The model is overloaded. Please try again later.');
    default: {
      const unreachable: never = status;
      throw new Error(`no Google error body for ${String(unreachable)}`);
    }
  }
}
