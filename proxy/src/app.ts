// Assembles the proxy: the /api gate, the routes, static serving, error shape and response headers.
import { H3, HTTPError, type H3Event } from 'h3';
import type { ProxyContext } from './context.ts';
import { corsHeadersFor, guardApi } from './http/guard.ts';
import { errorResponse, ProxyError } from './http/errors.ts';
import { directStatus } from './http/relay-stream.ts';
import { hasSecurityHeaders } from './http/respond.ts';
import { SECURITY_HEADERS } from './http/security-headers.ts';
import { geminiHandler } from './routes/gemini.ts';
import { healthHandler } from './routes/health.ts';
import { openaiHandler } from './routes/openai.ts';
import { runpodRoutes } from './routes/runpod/route.ts';
import { modelsHandler, staticHandler } from './routes/static-files.ts';

const startedAt = new WeakMap<H3Event, number>();

/** Builds the h3 app for a context; `app.fetch(new Request(...))` drives it without a socket. */
export function createApp(ctx: ProxyContext): H3 {
  const app = new H3({
    silent: true,
    onRequest: (event) => {
      startedAt.set(event, performance.now());
    },
    onError: (error, event) => toErrorResponse(ctx, error, event),
    onResponse: (response, event) => finishResponse(ctx, response, event),
  });
  app.use((event) => (event.url.pathname.startsWith('/api/') ? guardApi(ctx, event) : undefined));
  app.get('/api/health', healthHandler(ctx));
  app.post('/api/llm/gemini/v1beta/models/:target', geminiHandler(ctx));
  app.post('/api/llm/openai/v1/chat/completions', openaiHandler(ctx));
  const stt = runpodRoutes(ctx);
  app.post('/api/stt/runpod', stt.submit);
  app.get('/api/stt/runpod/jobs/:clipId', stt.resume);
  app.all('/api/**', () => errorResponse(404, 'not_found', 'There is no such API route.'));
  app.get('/models/**', modelsHandler(ctx.config.modelsDir));
  app.head('/models/**', modelsHandler(ctx.config.modelsDir));
  app.get('/**', staticHandler(ctx.config.webDist));
  app.head('/**', staticHandler(ctx.config.webDist));
  return app;
}

function toErrorResponse(ctx: ProxyContext, error: HTTPError, event: H3Event): Response {
  const cause = error.cause;
  if (cause instanceof ProxyError) return cause.toResponse();
  if (error.unhandled) {
    ctx.log.error(`${event.req.method} ${event.url.pathname}: ${String(cause instanceof Error ? cause.message : cause)}`);
    return errorResponse(500, 'internal', 'Something went wrong in the xquizit server. Try again; if it keeps happening, check its log.');
  }
  if (error.status === 404) return errorResponse(404, 'not_found', `Nothing is served at ${event.url.pathname}.`);
  if (error.status === 405) return errorResponse(405, 'method_not_allowed', `${event.req.method} is not allowed here.`);
  return errorResponse(error.status, error.status === 413 ? 'payload_too_large' : 'bad_request', ctx.scrub(error.message));
}

/**
 * Adds what every response needs and logs /api calls. Warning: this runs on every request; touching
 * `response.headers` turns a response's plain header object into a Headers instance, so it is done only for
 * responses not made by `respond` and for granted cross-origin calls.
 */
function finishResponse(ctx: ProxyContext, response: Response, event: H3Event): void {
  const direct = directStatus(event);
  if (direct === undefined) {
    if (!hasSecurityHeaders(response)) for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
    const cors = corsHeadersFor(event);
    if (cors) for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  }
  if (event.url.pathname.startsWith('/api/')) {
    const started = startedAt.get(event);
    const ms = started === undefined ? 0 : performance.now() - started;
    ctx.log.info(`${event.req.method} ${event.url.pathname} ${direct ?? response.status} ${ms.toFixed(1)}ms`);
  }
}
