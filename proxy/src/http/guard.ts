// The gate in front of /api: CORS, access tokens and rate limits, in that order.
import type { H3Event } from 'h3';
import { FastResponse } from 'srvx';
import type { ProxyContext } from '../context.ts';
import { bearerToken } from './auth.ts';
import { corsHeaders, PREFLIGHT_HEADERS } from './cors.ts';
import { errorResponse } from './errors.ts';

/** Paths that need neither a token nor rate-limit budget. */
const OPEN_PATHS = new Set(['/api/health']);

/** Returns a response that stops the request, or undefined to let it through. */
export function guardApi(ctx: ProxyContext, event: H3Event): Response | undefined {
  const request = event.req;
  const origin = request.headers.get('origin');
  const crossOrigin = origin !== null && !isSameHost(origin, request);
  const cors = crossOrigin ? corsHeaders(origin, ctx.config.allowedOrigins) : null;
  if (crossOrigin && !cors) {
    return errorResponse(403, 'forbidden_origin', `Requests from ${origin} are not allowed: add it to ALLOWED_ORIGINS on the server.`);
  }
  if (request.method === 'OPTIONS') {
    return new FastResponse(null, { status: 204, headers: { ...cors, ...PREFLIGHT_HEADERS } });
  }
  if (OPEN_PATHS.has(event.url.pathname)) return undefined;
  const token = bearerToken(request.headers.get('authorization'));
  if (!ctx.tokens.accepts(token)) {
    return errorResponse(401, 'unauthorized', 'This server needs an access token: ask its owner for one and enter it in the app.', {
      'www-authenticate': 'Bearer',
    });
  }
  const decision = ctx.limiter.take(token ? `token:${token}` : `ip:${request.ip ?? 'unknown'}`);
  if (!decision.allowed) {
    return errorResponse(429, 'rate_limited', `Too many requests: wait ${decision.retryAfterSeconds} s and try again.`, {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  return undefined;
}

/** CORS headers to add to an API response for this request's origin, if it is allowed. */
export function responseCorsHeaders(ctx: ProxyContext, request: Request): Record<string, string> {
  const origin = request.headers.get('origin');
  if (!origin || isSameHost(origin, request)) return {};
  return corsHeaders(origin, ctx.config.allowedOrigins) ?? {};
}

/** Same-origin check by host, so a TLS-terminating reverse proxy in front does not break it. */
function isSameHost(origin: string, request: Request): boolean {
  try {
    return new URL(origin).host === (request.headers.get('host') ?? new URL(request.url).host);
  } catch {
    return false;
  }
}
