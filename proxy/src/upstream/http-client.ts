// Requests to the paid upstreams over node:http(s) with kept-alive sockets, giving back Node streams.
// Node streams, not fetch: srvx pipes a Node stream straight into the socket, which keeps relayed SSE
// chunks off the web-streams path (the per-chunk cost that dominates a naive relay under load).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

/**
 * How long a kept-alive upstream socket may sit idle. Warning: without an agent timeout Node ignores the server's
 * `Keep-Alive: timeout=N` hint, keeps sockets the server has already decided to close, and a request sent on one
 * just as the server closes it fails with ECONNRESET (a 502 for the client); with one, Node drops them a second
 * before the server's hint.
 */
const IDLE_SOCKET_TIMEOUT_MS = 30_000;

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

/** Sends the request; resolves with the response stream once its headers arrive. */
export function requestUpstream(request: UpstreamRequest): Promise<IncomingMessage> {
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
      reject(error instanceof UpstreamFailure ? error : new UpstreamFailure('unreachable', `${url.host}: ${describe(error)}`));
    });
    outgoing.end(request.body);
  });
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
