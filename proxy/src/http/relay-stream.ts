// Sends an upstream's streamed answer (a Node stream) on to the client. On a Node socket it is piped straight into
// the response with .pipe(), as a plain node:http relay would: no web stream, and no stream.pipeline, whose
// AbortController per response (aborted, with a DOMException, at every end) is CPU each new stream pays while a
// burst of them queues. Through app.fetch (tests, no socket) it is an ordinary Response over the same stream.
import type { IncomingMessage } from 'node:http';
import type { H3Event } from 'h3';
import { corsHeadersFor } from './guard.ts';
import { respond } from './respond.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

/** h3's marker for "the handler wrote the Node response itself" (what its own fromNodeHandler resolves to). */
const HANDLED: unique symbol = Symbol.for('h3.handled') as never;

const sentDirectly = new WeakSet<H3Event>();

/** Relays `upstream` with `status` and `headers`; on Node, settles once the client's response has closed. */
export function relayStream(event: H3Event, upstream: IncomingMessage, status: number, headers: Record<string, string>): Response | Promise<typeof HANDLED> {
  const res = event.runtime?.node?.res;
  if (!res) return respond(upstream, { status, headers });
  sentDirectly.add(event);
  res.writeHead(status, { ...SECURITY_HEADERS, ...corsHeadersFor(event), ...headers });
  return new Promise((resolve) => {
    // The upstream cut off mid-answer (reset, or its silence timed out): cut the client off too, so it sees a
    // broken stream rather than a clean end.
    upstream.once('close', () => {
      if (!upstream.complete) res.destroy();
    });
    // Handled by 'close' above; without a listener an upstream 'error' would crash the process.
    upstream.on('error', () => undefined);
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
      resolve(HANDLED);
    });
    upstream.pipe(res);
  });
}

/** The status a response written directly was sent with, or undefined when the app's Response was sent instead. */
export function directStatus(event: H3Event): number | undefined {
  return sentDirectly.has(event) ? event.runtime?.node?.res?.statusCode : undefined;
}
