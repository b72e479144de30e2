// Requests to the paid upstreams over node:http(s) with kept-alive sockets, giving back Node streams.
// Node streams, not fetch: srvx pipes a Node stream straight into the socket, which keeps relayed SSE
// chunks off the web-streams path (the per-chunk cost that dominates a naive relay under load).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/**
 * How long a kept-alive upstream socket may sit idle: longer than most answers, so the turn after one does not pay a
 * new TCP and TLS handshake (and DNS lookup) to the model, and inside the 600 s Google's front-end load balancers keep
 * an idle client connection by default. Warning: without an agent timeout Node ignores the server's
 * `Keep-Alive: timeout=N` hint; with one, Node drops sockets a second before the hint. A server that closes an idle
 * socket sooner without a hint is handled by sending again on a fresh socket (see `requestUpstream`).
 */
const IDLE_SOCKET_TIMEOUT_MS = 240_000;

/** How many times a request is sent again after a reused socket turned out to be closed by the server. */
const STALE_SOCKET_RETRIES = 2;

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_SOCKET_TIMEOUT_MS }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity, timeout: IDLE_SOCKET_TIMEOUT_MS }),
};

/** One request to an upstream service. */
export interface UpstreamRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (and its response stream) when the client goes away. */
  signal: AbortSignal;
  /** Longest silence allowed, before the response starts and between its chunks. */
  timeoutMs: number;
}

/** Why an upstream request failed before a response arrived. */
export class UpstreamFailure extends Error {
  constructor(
    readonly kind: 'unreachable' | 'timeout' | 'aborted',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Sends the request; resolves with the response stream once its headers arrive. A request on a reused kept-alive socket
 * that fails with ECONNRESET or EPIPE before any answer almost always met a socket the server closed while it sat
 * idle, so it is sent again on another one (Node's documented remedy, `request.reusedSocket`).
 */
export async function requestUpstream(request: UpstreamRequest): Promise<IncomingMessage> {
  for (let retries = 0; ; retries++) {
    try {
      return await sendOnce(request);
    } catch (error) {
      if (!(error instanceof StaleSocket) || retries >= STALE_SOCKET_RETRIES) throw error instanceof StaleSocket ? error.failure : error;
    }
  }
}

/** A reused socket that was already closed: the request can be sent again. */
class StaleSocket extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure.message);
  }
}

function sendOnce(request: UpstreamRequest): Promise<IncomingMessage> {
  const url = new URL(request.url);
  const transport = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise((resolve, reject) => {
    if (request.signal.aborted) {
      reject(new UpstreamFailure('aborted', 'The client went away.'));
      return;
    }
    const outgoing = transport.request(url, {
      method: request.method,
      agent,
      headers: {
        ...request.headers,
        ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }),
      },
    });
    const onAbort = () => outgoing.destroy(new UpstreamFailure('aborted', 'The client went away.'));
    request.signal.addEventListener('abort', onAbort, { once: true });
    outgoing.setTimeout(request.timeoutMs, () => {
      outgoing.destroy(new UpstreamFailure('timeout', `${url.host} did not answer within ${request.timeoutMs} ms.`));
    });
    outgoing.once('response', (response) => {
      response.once('close', () => request.signal.removeEventListener('abort', onAbort));
      resolve(response);
    });
    outgoing.once('error', (error) => {
      request.signal.removeEventListener('abort', onAbort);
      if (error instanceof UpstreamFailure) return reject(error);
      const failure = new UpstreamFailure('unreachable', `${url.host}: ${describe(error)}`);
      reject(outgoing.reusedSocket && isClosedSocket(error) ? new StaleSocket(failure) : failure);
    });
    outgoing.end(request.body);
  });
}

function isClosedSocket(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ECONNRESET' || code === 'EPIPE';
}

/** Reads a (small) upstream response body as text, with a size cap. */
export async function readUpstreamText(response: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      response.destroy();
      throw new UpstreamFailure('unreachable', 'The upstream answer was larger than expected.');
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** Closes kept-alive upstream sockets so the process can exit. */
export function closeUpstreamSockets(): void {
  agents['http:'].destroy();
  agents['https:'].destroy();
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : 'network error';
}
