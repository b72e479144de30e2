// Starts the proxy on a real socket and stops it gracefully: in-flight streams get a bounded time to finish.
import { readFileSync } from 'node:fs';
import type { Server as NodeServer } from 'node:http';
import { serve } from 'h3';
import { createApp } from './app.ts';
import type { ProxyConfig } from './config/index.ts';
import { createContext, type ProxyContext } from './context.ts';
import { AdmissionQueue, admissionMiddleware } from './http/admission.ts';
import type { LogSink } from './http/log.ts';
import { closeUpstreamSockets } from './upstream/http-client.ts';

/** The proxy's release version, from its package.json. */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * How long a client's idle connection is kept: longer than a typical spoken answer, so the turn after one does not
 * open a new connection, and above the 60 s nginx keeps an idle upstream connection (`keepalive_timeout`).
 * Warning: with Node's default of 5 s, a reverse proxy reuses a connection this server has just closed, and the
 * POST on it fails with a 502 (nginx does not send a POST again). Node tells clients so (`Keep-Alive: timeout=65`).
 */
export const CLIENT_KEEP_ALIVE_MS = 65_000;

/** A running proxy. */
export interface RunningProxy {
  /** Base URL such as http://127.0.0.1:8787. */
  url: string;
  context: ProxyContext;
  /** Stops accepting, lets open responses finish for up to `graceMs`, then cuts the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Listens on the config's host and port (0 picks a free port). */
export async function startProxy(config: ProxyConfig, options: { logSink?: LogSink } = {}): Promise<RunningProxy> {
  const context = createContext(config, { version: VERSION, logSink: options.logSink });
  await context.limits.ready();
  const server = serve(createApp(context), {
    port: config.port,
    hostname: config.host,
    silent: true,
    gracefulShutdown: false,
    // Bodies past the limit are cut off while they stream in, before they fill memory.
    maxRequestBodySize: config.maxBodyBytes,
    // New requests start one per event-loop turn, so a burst of them never stalls the streams already open.
    middleware: [admissionMiddleware(new AdmissionQueue())],
  });
  await server.ready();
  const nodeServer = server.node?.server as NodeServer | undefined;
  if (nodeServer) {
    nodeServer.keepAliveTimeout = CLIENT_KEEP_ALIVE_MS;
    nodeServer.headersTimeout = CLIENT_KEEP_ALIVE_MS + 1000;
  }
  const address = nodeServer?.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host.includes(':') && !config.host.startsWith('[') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    context,
    close: async (graceMs = config.shutdownGraceMs) => {
      const force = setTimeout(() => nodeServer?.closeAllConnections(), graceMs);
      // server.close() drops idle keep-alive sockets only once; those idled by finished streams are dropped here.
      const sweep = setInterval(() => nodeServer?.closeIdleConnections(), 50);
      try {
        await server.close();
      } finally {
        clearTimeout(force);
        clearInterval(sweep);
        closeUpstreamSockets();
        await context.limits.close();
      }
    },
  };
}
