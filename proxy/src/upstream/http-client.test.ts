// The upstream client against a real node:http server that closes idle kept-alive sockets without a hint, as some
// servers do: a request that meets such a socket is sent again on a fresh one; a fresh socket's failure is not.
import http, { type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeUpstreamSockets, readUpstreamText, requestUpstream, UpstreamFailure } from './http-client.ts';

interface Upstream {
  url: string;
  /** Requests that reached the handler, in order: the socket's number and its request count on that socket. */
  seen: { socket: number; nth: number }[];
  /** Sockets the server has given up (it drops a request arriving on one). */
  stale: Set<Socket>;
  /** The server's open sockets. */
  open: Set<Socket>;
  server: Server;
}

let upstream: Upstream | null = null;

/** A server that answers "ok", sends no Keep-Alive hint, and drops every request on a socket marked stale. */
async function startUpstream(dropFirst = false): Promise<Upstream> {
  const numbers = new Map<Socket, number>();
  const counts = new Map<Socket, number>();
  const seen: Upstream['seen'] = [];
  const stale = new Set<Socket>();
  const open = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const socket = request.socket;
    if (!numbers.has(socket)) numbers.set(socket, numbers.size + 1);
    const nth = (counts.get(socket) ?? 0) + 1;
    counts.set(socket, nth);
    seen.push({ socket: numbers.get(socket)!, nth });
    if (stale.has(socket) || (dropFirst && seen.length === 1)) {
      socket.destroy();
      return;
    }
    response.end('ok');
  });
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  // No idle timeout, so no `Keep-Alive: timeout=N` hint: the client cannot know when the server gives up a socket.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, seen, stale, open, server };
}

async function get(url: string): Promise<string> {
  const response = await requestUpstream({ url, method: 'GET', headers: {}, signal: new AbortController().signal, timeoutMs: 5000 });
  return readUpstreamText(response);
}

afterEach(async () => {
  closeUpstreamSockets();
  if (upstream) await new Promise((resolve) => upstream!.server.close(resolve));
  upstream = null;
});

describe('requestUpstream with kept-alive sockets', () => {
  it('reuses an idle socket, and sends again on a fresh socket when the server had closed the reused one', async () => {
    upstream = await startUpstream();
    expect(await get(upstream.url)).toBe('ok');
    expect(await get(upstream.url)).toBe('ok');
    expect(upstream.seen).toEqual([
      { socket: 1, nth: 1 },
      { socket: 1, nth: 2 },
    ]);
    // The server gives the socket up while it idles; the next request meets it and is sent again on a new one.
    for (const socket of upstream.open) upstream.stale.add(socket);
    expect(await get(upstream.url)).toBe('ok');
    expect(upstream.seen.slice(2)).toEqual([
      { socket: 1, nth: 3 },
      { socket: 2, nth: 1 },
    ]);
  });

  it('does not send again when a fresh socket fails', async () => {
    upstream = await startUpstream(true);
    await expect(get(upstream.url)).rejects.toBeInstanceOf(UpstreamFailure);
    expect(upstream.seen).toHaveLength(1);
  });

  it('gives up after two more tries when every pooled socket is stale', async () => {
    upstream = await startUpstream();
    // Three requests at once leave three idle sockets in the pool.
    expect(await Promise.all([get(upstream.url), get(upstream.url), get(upstream.url)])).toEqual(['ok', 'ok', 'ok']);
    for (const socket of upstream.open) upstream.stale.add(socket);
    const failure = await get(upstream.url).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UpstreamFailure);
    expect((failure as UpstreamFailure).kind).toBe('unreachable');
    expect(upstream.seen.slice(3).map((hit) => hit.nth)).toEqual([2, 2, 2]);
  });
});
