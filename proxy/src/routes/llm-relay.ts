// The relay every LLM route shares: sends a checked body upstream with the key, then passes the answer on as a
// Node stream (chunk by chunk, never buffered; a client that leaves aborts the upstream) or relays its error.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { relayStream } from '../http/relay-stream.ts';
import { requestUpstream } from '../upstream/http-client.ts';
import { relayUpstreamError, upstreamFailureResponse } from './upstream-error.ts';

/** One upstream LLM call. */
export interface LlmUpstreamCall {
  /** The service's name in error messages, e.g. "Gemini". */
  service: string;
  url: string;
  /** Extra request headers (the key); `content-type: application/json` is always sent. */
  headers: Record<string, string>;
  body: string;
  /** Whether the answer is an event stream (its content type when the upstream sends none). */
  stream: boolean;
}

/** Makes the call and answers with the upstream's stream or JSON, or its error with status, body and Retry-After. */
export async function relayLlm(ctx: ProxyContext, event: H3Event, call: LlmUpstreamCall): Promise<Response | symbol> {
  let upstream;
  try {
    upstream = await requestUpstream({
      url: call.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...call.headers },
      body: call.body,
      signal: event.req.signal,
      timeoutMs: ctx.config.upstreamTimeoutMs,
    });
  } catch (error) {
    return upstreamFailureResponse(error, call.service);
  }
  if ((upstream.statusCode ?? 500) >= 400) return relayUpstreamError(ctx, upstream, call.service);
  const contentType = upstream.headers['content-type'] ?? (call.stream ? 'text/event-stream' : 'application/json');
  return relayStream(event, upstream, upstream.statusCode ?? 200, { 'content-type': contentType, 'cache-control': 'no-cache', 'x-accel-buffering': 'no' });
}
