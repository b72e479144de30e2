// Turns upstream failures into responses: relayed error bodies, or the proxy's own error shape.
import type { IncomingMessage } from 'node:http';
import type { ProxyContext } from '../context.ts';
import { errorResponse } from '../http/errors.ts';
import { respond } from '../http/respond.ts';
import { readUpstreamText, UpstreamFailure } from '../upstream/http-client.ts';

/** Relays an upstream error status with its JSON body (scrubbed) and its Retry-After. */
export async function relayUpstreamError(ctx: ProxyContext, upstream: IncomingMessage, service: string): Promise<Response> {
  const status = upstream.statusCode ?? 502;
  const text = ctx.scrub(await readUpstreamText(upstream).catch(() => ''));
  const retryAfter = retryAfterOf(upstream, text);
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...(retryAfter ? { 'retry-after': retryAfter } : {}) };
  if (isJson(text)) return respond(text, { status, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  return errorResponse(status, 'upstream_error', `${service} answered ${status}${text ? `: ${text.slice(0, 200)}` : '.'}`, headers);
}

/** Maps a failure to reach the upstream to 502/504 in the proxy's error shape. */
export function upstreamFailureResponse(error: unknown, service: string): Response {
  if (error instanceof UpstreamFailure && error.kind === 'timeout') {
    return errorResponse(504, 'upstream_timeout', `${service} took too long to answer. Try again in a moment.`);
  }
  const detail = error instanceof UpstreamFailure ? error.message : 'network error';
  return errorResponse(502, 'upstream_unreachable', `${service} could not be reached (${detail}). Try again in a moment.`);
}

function retryAfterOf(upstream: IncomingMessage, body: string): string | undefined {
  const header = upstream.headers['retry-after'];
  if (typeof header === 'string' && header) return header;
  const delay = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(body)?.[1];
  return delay ? String(Math.ceil(Number(delay))) : undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return text.length > 0;
  } catch {
    return false;
  }
}
