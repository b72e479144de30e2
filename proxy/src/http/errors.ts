// The proxy's own error responses: always `{ error: { code, message } }` with a fitting status.
import { respond } from './respond.ts';

/** Machine-readable error codes the proxy itself answers with. */
export type ProxyErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden_origin'
  | 'model_not_allowed'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'rate_limited'
  | 'daily_limit_reached'
  | 'limits_unavailable'
  | 'not_configured'
  | 'upstream_unreachable'
  | 'upstream_timeout'
  | 'upstream_error'
  | 'transcription_failed'
  | 'shutting_down'
  | 'internal';

/** Builds a JSON error response in the proxy's error shape. */
export function errorResponse(
  status: number,
  code: ProxyErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return respond(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** A JSON success response that is never cached. */
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return respond(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** Thrown inside handlers to answer with a proxy error; caught by the app's error hook. */
export class ProxyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProxyErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** This error as a response. */
  toResponse(): Response {
    return errorResponse(this.status, this.code, this.message, this.headers);
  }
}
