// The main-thread client against a fake worker: one worker reused, bytes transferred, failures made clear.
import { describe, expect, it } from 'vitest';
import { PdfClient, PdfReaderError, type PdfWorkerPort } from './pdf.client.ts';
import { PdfReply, type FromWorker, type ToWorker } from './pdf.protocol.ts';

type Listener = (event: never) => void;

/** A worker that answers like pdf.worker.ts, or not at all, as a test tells it. */
class FakeWorker implements PdfWorkerPort {
  readonly received: { message: ToWorker; transfer: Transferable[] }[] = [];
  readonly listeners = new Map<string, Listener[]>();
  terminated = false;
  constructor(private readonly answer: (message: ToWorker) => FromWorker | null) {}

  postMessage(message: ToWorker, transfer: Transferable[]): void {
    this.received.push({ message, transfer });
    const reply = this.answer(message);
    if (reply) queueMicrotask(() => this.emit('message', { data: reply }));
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(type: string, event: object): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ preventDefault() {}, ...event } as never);
  }
}

const answering = (message: ToWorker): FromWorker =>
  message.type === 'warm'
    ? { type: PdfReply.warmed, id: message.id }
    : { type: PdfReply.extracted, id: message.id, outcome: { ok: true, text: `${message.bytes.byteLength} bytes`, pageCount: 1 } };

describe('PdfClient', () => {
  it('starts one worker on first use and reuses it for every document', async () => {
    const started: FakeWorker[] = [];
    const client = new PdfClient(() => {
      const worker = new FakeWorker(answering);
      started.push(worker);
      return worker;
    });
    await client.warm();
    const first = await client.extract(new ArrayBuffer(3));
    const second = await client.extract(new ArrayBuffer(5), { password: 'pw', maxPages: 2 });
    expect(started).toHaveLength(1);
    expect([first, second]).toEqual([
      { ok: true, text: '3 bytes', pageCount: 1 },
      { ok: true, text: '5 bytes', pageCount: 1 },
    ]);
    expect(started[0]!.received.at(-1)!.message).toMatchObject({ type: 'extract', password: 'pw', maxPages: 2 });
  });

  it('transfers the bytes instead of copying them', async () => {
    const worker = new FakeWorker(answering);
    const client = new PdfClient(() => worker);
    const bytes = new ArrayBuffer(8);
    await client.extract(bytes);
    expect(worker.received[0]!.transfer).toEqual([bytes]);
    expect(worker.received[0]!.message).toMatchObject({ maxPages: 30 });
  });

  it('fails with a clear error when the worker cannot be created', async () => {
    const client = new PdfClient(() => {
      throw new Error('Refused to create a worker from a blocked URL');
    });
    await expect(client.extract(new ArrayBuffer(1))).rejects.toThrow(
      new PdfReaderError('The PDF reader could not start: Refused to create a worker from a blocked URL'),
    );
  });

  it('fails waiting requests when the worker script does not load, then starts a fresh worker', async () => {
    const broken = new FakeWorker(() => null);
    const workers = [broken, new FakeWorker(answering)];
    const client = new PdfClient(() => workers.shift()!);
    const pending = client.extract(new ArrayBuffer(1));
    broken.emit('error', {});
    await expect(pending).rejects.toThrow(/The PDF reader could not start or stopped: no details/);
    expect(broken.terminated).toBe(true);
    await expect(client.extract(new ArrayBuffer(2))).resolves.toMatchObject({ ok: true, text: '2 bytes' });
  });

  it('rejects a request the worker reports as failed', async () => {
    const client = new PdfClient(() => new FakeWorker((message) => ({ type: PdfReply.failed, id: message.id, message: 'no pdf.js' })));
    await expect(client.warm()).rejects.toThrow(/no pdf\.js/);
  });

  it('fails waiting requests and stops the worker when disposed', async () => {
    const worker = new FakeWorker(() => null);
    const client = new PdfClient(() => worker);
    const pending = client.extract(new ArrayBuffer(1));
    client.dispose();
    await expect(pending).rejects.toThrow(/stopped/);
    expect(worker.terminated).toBe(true);
  });
});
