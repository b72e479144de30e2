// Baseline for `pnpm bench:proxy`: a plain node:http relay (no framework, no checks) of the same streams.
// It reads the body, sends it upstream over a kept-alive agent with the key, and pipes the answer back:
// the least a Node relay can do per request, which the proxy's own cost is measured against.
import http from 'node:http';

const upstream = new URL(process.env.UPSTREAM_URL ?? '');
// The idle timeout makes Node honour the upstream's Keep-Alive hint, as the proxy's agent does (see src/upstream).
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 30_000 });
const PREFIX = '/api/llm/gemini';

const server = http.createServer((request, response) => {
  const parts: Buffer[] = [];
  request.on('data', (chunk: Buffer) => parts.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(parts);
    const outgoing = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: (request.url ?? '/').slice(PREFIX.length),
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-goog-api-key': 'bench-key' },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { 'content-type': answer.headers['content-type'] ?? 'text/event-stream' });
        answer.pipe(response);
      },
    );
    outgoing.on('error', () => response.destroy());
    response.on('close', () => {
      if (!response.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  });
});
process.on("SIGTERM", () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`plain relay listening on http://127.0.0.1:${port}\n`);
});
