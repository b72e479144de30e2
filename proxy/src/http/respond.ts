// Every response the proxy builds, with its security headers set as it is made. Setting them afterwards would
// turn each response's plain header object into a Headers instance (undici), a cost paid on every request; the
// app's response hook only does that for a response made some other way (see app.ts).
import { FastResponse } from 'srvx';
import { SECURITY_HEADERS } from './security-headers.ts';

/** What a response body may be here: text, nothing, or a Node stream (srvx pipes those straight to the socket). */
export type ResponseBody = string | null | NodeJS.ReadableStream;

const secured = new WeakSet<Response>();

/** A response carrying the security headers, then `headers`. */
export function respond(body: ResponseBody, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const response = new FastResponse(body as ConstructorParameters<typeof FastResponse>[0], {
    status: init.status ?? 200,
    headers: { ...SECURITY_HEADERS, ...init.headers },
  });
  secured.add(response);
  return response;
}

/** True when the response was made by `respond`, so it already has the security headers. */
export function hasSecurityHeaders(response: Response): boolean {
  return secured.has(response);
}
