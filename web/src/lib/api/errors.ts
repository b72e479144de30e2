// The typed error every /api call fails with, and the pure parsing of the proxy's error bodies.
// The proxy answers its own errors as `{ "error": { "code": "...", "message": "..." } }`.
import * as v from 'valibot';

/** Error code used when the request never reached the proxy (offline, server stopped, DNS). */
export const NETWORK_ERROR = 'network_error';

/** Error code used when the proxy answered with something that is not its error JSON. */
export const UNEXPECTED_RESPONSE = 'unexpected_response';

/** A failed /api call: HTTP status (0 when nothing answered), machine code and human message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  /** The parsed error body (undefined when it was not JSON), for callers that read more than code and message. */
  readonly body: unknown;
  /** The error response's headers (e.g. Retry-After); absent when no response came. */
  readonly headers: Headers | undefined;

  /** Builds an error from its status, code and message, and optionally the response's body and headers. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    response: { body?: unknown; headers?: Headers } = {},
  ) {
    super(message);
    this.body = response.body;
    this.headers = response.headers;
  }
}

const ErrorBodySchema = v.object({
  error: v.object({
    code: v.pipe(v.string(), v.minLength(1)),
    message: v.string(),
  }),
});

/** Turns an error response's status, parsed body (any JSON, or undefined) and headers into an ApiError. */
export function apiErrorFromBody(status: number, body: unknown, headers?: Headers): ApiError {
  const parsed = v.safeParse(ErrorBodySchema, body);
  if (parsed.success) {
    const { code, message } = parsed.output.error;
    return new ApiError(status, code, message || `The server answered ${status} (${code}).`, { body, headers });
  }
  return new ApiError(status, UNEXPECTED_RESPONSE, `The server answered ${status} without an error description.`, { body, headers });
}

/** Whether an error means the token was missing or not accepted. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.code === 'unauthorized');
}
