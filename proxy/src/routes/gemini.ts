// POST /api/llm/gemini/v1beta/models/{model}:(stream)generateContent: relays to Gemini with our key.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { relayStream } from '../http/relay-stream.ts';
import { requestUpstream } from '../upstream/http-client.ts';
import { assertModelAllowed, parseTarget, tightenBody } from './gemini-request.ts';
import { relayUpstreamError, upstreamFailureResponse } from './upstream-error.ts';

/** Handles one Gemini call; streams are piped through as they arrive, never buffered. */
export function geminiHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response | symbol> => {
    const gemini = ctx.config.gemini;
    if (!gemini) throw new ProxyError(503, 'not_configured', 'The language model is not configured on this server: set GEMINI_API_KEY.');
    const { model, action } = parseTarget(event.context.params?.target ?? '');
    assertModelAllowed(model, gemini);
    const body = tightenBody(await readJsonObject(event.req, ctx.config.maxBodyBytes), gemini);
    const query = action === 'streamGenerateContent' ? '?alt=sse' : '';
    let upstream;
    try {
      upstream = await requestUpstream({
        url: `${gemini.baseUrl}/v1beta/models/${model}:${action}${query}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': gemini.apiKey },
        body,
        signal: event.req.signal,
        timeoutMs: ctx.config.upstreamTimeoutMs,
      });
    } catch (error) {
      return upstreamFailureResponse(error, 'Gemini');
    }
    if ((upstream.statusCode ?? 500) >= 400) return relayUpstreamError(ctx, upstream, 'Gemini');
    const contentType = upstream.headers['content-type'] ?? (query ? 'text/event-stream' : 'application/json');
    return relayStream(event, upstream, upstream.statusCode ?? 200, { 'content-type': contentType, 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
  };
}
