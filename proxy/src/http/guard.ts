// The gate in front of /api: CORS, access tokens and request limits, in that order.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { clientKey, type LimitDecision } from '../limits/index.ts';
import { bearerToken } from './auth.ts';
import { corsHeaders, PREFLIGHT_HEADERS } from './cors.ts';
import { errorResponse } from './errors.ts';
import { respond } from './respond.ts';

/** Paths that need neither a token nor budget. */
const OPEN_PATHS = new Set(['/api/health']);

/** CORS headers granted to each cross-origin request the gate let through, for its response. */
const grantedCors = new WeakMap<H3Event, Record<string, string>>();

/** How long a client is asked to wait while the limits cannot be checked. */
const LIMITS_UNAVAILABLE_RETRY_SECONDS = 10;

/** Returns a response that stops the request, or undefined to let it through. */
export function guardApi(ctx: ProxyContext, event: H3Event): Response | undefined | Promise<Response | undefined> {
  const request = event.req;
  const origin = request.headers.get('origin');
  const crossOrigin = origin !== null && !isSameHost(origin, request);
  const cors = crossOrigin ? corsHeaders(origin, ctx.config.allowedOrigins) : null;
  if (crossOrigin && !cors) {
    return errorResponse(403, 'forbidden_origin', `Requests from ${origin} are not allowed: add it to ALLOWED_ORIGINS on the server.`);
  }
  if (cors) grantedCors.set(event, cors);
  if (request.method === 'OPTIONS') return respond(null, { status: 204, headers: { ...cors, ...PREFLIGHT_HEADERS } });
  if (OPEN_PATHS.has(event.url.pathname)) return undefined;
  const token = bearerToken(request.headers.get('authorization'));
  if (!ctx.tokens.accepts(token)) {
    return errorResponse(401, 'unauthorized', 'This server needs an access token: ask its owner for one and enter it in the app.', {
      'www-authenticate': 'Bearer',
    });
  }
  return ctx.limits.take(clientKey(token, request.ip)).then(refusalFor);
}

/** The response that refuses a request past its limits, or undefined when it may go on. */
function refusalFor(decision: LimitDecision): Response | undefined {
  switch (decision.kind) {
    case 'allowed':
      return undefined;
    case 'per-minute':
      return errorResponse(429, 'rate_limited', `Too many requests: wait ${decision.retryAfterSeconds} s and try again.`, {
        'retry-after': String(decision.retryAfterSeconds),
      });
    case 'daily':
      return errorResponse(
        429,
        'daily_limit_reached',
        `The daily budget of ${decision.dailyRequests} requests is used up; it renews in ${inWords(decision.retryAfterSeconds)}. Ask whoever runs this server for a bigger one.`,
        { 'retry-after': String(decision.retryAfterSeconds) },
      );
    case 'unavailable':
      return errorResponse(
        503,
        'limits_unavailable',
        'The server cannot check its request limits right now (its Redis store is unreachable). Try again in a minute; if it keeps happening, tell whoever runs the server to check REDIS_URL.',
        { 'retry-after': String(LIMITS_UNAVAILABLE_RETRY_SECONDS) },
      );
    default:
      return assertNever(decision);
  }
}

/** "3 h 20 min", "24 h", "12 min" or "40 s". */
function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function assertNever(value: never): never {
  throw new Error(`unexpected limit decision: ${JSON.stringify(value)}`);
}

/** The CORS headers the gate granted this request (an allowed cross-origin one), or undefined. */
export function corsHeadersFor(event: H3Event): Record<string, string> | undefined {
  return grantedCors.get(event);
}

/** Same-origin check by host, so a TLS-terminating reverse proxy in front does not break it. */
function isSameHost(origin: string, request: Request): boolean {
  try {
    return new URL(origin).host === (request.headers.get('host') ?? new URL(request.url).host);
  } catch {
    return false;
  }
}
