// The admission queue against real socket I/O: requests start one per turn, in order, with data that arrived meanwhile
// handled between them; a start that fails fails only its own request.
import { once } from 'node:events';
import net, { type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdmissionQueue } from './admission.ts';

let server: Server | null = null;
let client: Socket | null = null;

afterEach(async () => {
  client?.destroy();
  client = null;
  if (server) await new Promise((resolve) => server!.close(resolve));
  server = null;
});

/** A loopback connection: `send` writes from the client; the server side's data is reported through `onData`. */
async function connection(onData: (text: string) => void): Promise<{ send: (text: string) => void }> {
  server = net.createServer((socket) => socket.on('data', (chunk) => onData(String(chunk))));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as net.AddressInfo;
  client = net.connect(address.port, '127.0.0.1');
  await once(client, 'connect');
  return { send: (text) => client!.write(text) };
}

describe('AdmissionQueue', () => {
  it('starts queued requests one per turn, in order, serving the data that arrived in between first', async () => {
    const events: string[] = [];
    const { send } = await connection((text) => events.push(`data ${text}`));
    const queue = new AdmissionQueue();
    const results = Promise.all(
      [1, 2, 3, 4].map((n) =>
        queue.admit(() => {
          events.push(`start ${n}`);
          // The first request's start makes data arrive on a socket, as an upstream's chunk would.
          if (n === 1) send('chunk');
          return n * 10;
        }),
      ),
    );
    // None starts at once.
    expect(events).toEqual([]);
    expect(await results).toEqual([10, 20, 30, 40]);
    expect(events.filter((e) => e.startsWith('start'))).toEqual(['start 1', 'start 2', 'start 3', 'start 4']);
    // Started all at once, the chunk would wait until after "start 4".
    expect(events.indexOf('data chunk')).toBeGreaterThan(events.indexOf('start 1'));
    expect(events.indexOf('data chunk')).toBeLessThan(events.indexOf('start 4'));
  });

  it('rejects a request whose start throws or rejects, and still starts the ones after it', async () => {
    const queue = new AdmissionQueue();
    const thrown = queue.admit(() => {
      throw new Error('bad route');
    });
    const rejected = queue.admit(() => Promise.reject(new Error('limits down')));
    const fine = queue.admit(() => Promise.resolve('ok'));
    await expect(thrown).rejects.toThrow('bad route');
    await expect(rejected).rejects.toThrow('limits down');
    await expect(fine).resolves.toBe('ok');
  });
});
