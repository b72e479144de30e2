// The proxy keeps a client's idle connection 65 s and says so, above nginx's 60 s upstream keepalive: a reverse proxy
// (or the browser between turns) never sends a request on a connection the proxy has already closed.
import http, { type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

function get(url: string, agent: http.Agent): Promise<{ response: IncomingMessage; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      response.resume();
      response.once('end', () => resolve({ response, reused: request.reusedSocket }));
    });
    request.once('error', reject);
  });
}

it('advertises a 65 s keep-alive and serves the next request on the same connection', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(`${stack.proxy.url}/api/health`, agent);
    expect(first.response.headers['keep-alive']).toBe('timeout=65');
    expect(first.reused).toBe(false);
    const second = await get(`${stack.proxy.url}/api/health`, agent);
    expect(second.reused).toBe(true);
  } finally {
    agent.destroy();
  }
});
