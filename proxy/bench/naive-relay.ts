// Baseline for `pnpm bench:proxy`: the naive relay (h3 handing the upstream fetch body on as a web stream).
// Not used by the app; it exists so the benchmark can show what the real relay path saves.
import { H3, serve } from 'h3';

const upstream = process.env.UPSTREAM_URL ?? '';
const app = new H3().post('/api/llm/gemini/**', async (event) => {
  const target = `${upstream}${event.url.pathname.replace('/api/llm/gemini', '')}${event.url.search}`;
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': 'bench-key' },
    body: await event.req.text(),
    signal: event.req.signal,
  });
  return new Response(response.body, { status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? '' } });
});
const server = serve(app, { port: 0, hostname: '127.0.0.1', silent: true, gracefulShutdown: false });
await server.ready();
process.stdout.write(`naive relay listening on ${server.url?.replace(/\/$/, '')}\n`);
