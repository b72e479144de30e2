// The main-thread client against a fake worker: one worker reused, one request at a time, bytes transferred,
// failures made clear, and a PDF that keeps the worker busy stopped at the time limit without taking others down.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PdfClient, PdfReaderError, PdfTimeoutError, type PdfWorkerPort } from './pdf.client.ts';
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

/** Answers loading pdf.js (warm) at once, and hands every read to `read` (null: no answer yet). */
const warmThen = (read: (message: ToWorker) => FromWorker | null) => (message: ToWorker): FromWorker | null =>
  message.type === 'warm' ? { type: PdfReply.warmed, id: message.id } : read(message);

const extracts = (worker: FakeWorker) => worker.received.filter((entry) => entry.message.type === 'extract');

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
    expect(extracts(worker)[0]!.transfer).toEqual([bytes]);
    expect(extracts(worker)[0]!.message).toMatchObject({ maxPages: 30 });
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

  it('loads pdf.js in a new worker before the first read, and sends one request at a time', async () => {
    const held: ToWorker[] = [];
    const worker = new FakeWorker(
      warmThen((message) => {
        held.push(message);
        return null;
      }),
    );
    const client = new PdfClient(() => worker);
    const first = client.extract(new ArrayBuffer(1));
    const second = client.extract(new ArrayBuffer(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(worker.received.map((entry) => entry.message.type)).toEqual(['warm', 'extract']);
    expect(held).toHaveLength(1);
    worker.emit('message', { data: answering(held[0]!) });
    await expect(first).resolves.toMatchObject({ text: '1 bytes' });
    expect(held).toHaveLength(2);
    worker.emit('message', { data: answering(held[1]!) });
    await expect(second).resolves.toMatchObject({ text: '2 bytes' });
  });
});

describe('PdfClient time limit', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stops a worker busy with one PDF past the limit; the document behind it is read by a fresh worker', async () => {
    vi.useFakeTimers();
    const stuck = new FakeWorker(warmThen(() => null));
    const fresh = new FakeWorker(answering);
    const workers = [stuck, fresh];
    const client = new PdfClient(() => workers.shift()!, { timeoutMs: 30_000 });
    const endless = client.extract(new ArrayBuffer(7));
    const other = new ArrayBuffer(9);
    const next = client.extract(other);
    const endlessFailed = expect(endless).rejects.toThrow(PdfTimeoutError);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(stuck.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await endlessFailed;
    expect(stuck.terminated).toBe(true);
    // The other document was never handed to the stopped worker: its bytes went whole to the fresh one.
    expect(extracts(stuck)).toHaveLength(1);
    await expect(next).resolves.toEqual({ ok: true, text: '9 bytes', pageCount: 1 });
    expect(extracts(fresh)[0]!.transfer).toEqual([other]);
  });

  it('gives each request the whole time, counted from when it is sent', async () => {
    vi.useFakeTimers();
    const replies: ToWorker[] = [];
    const worker = new FakeWorker(
      warmThen((message) => {
        replies.push(message);
        return null;
      }),
    );
    const client = new PdfClient(() => worker, { timeoutMs: 1000 });
    const first = client.extract(new ArrayBuffer(1));
    const second = client.extract(new ArrayBuffer(2));
    await vi.advanceTimersByTimeAsync(900);
    worker.emit('message', { data: answering(replies[0]!) });
    await expect(first).resolves.toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(900);
    worker.emit('message', { data: answering(replies[1]!) });
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(worker.terminated).toBe(false);
  });

  it('does not count loading pdf.js against the read: a worker slow to start still reads', async () => {
    vi.useFakeTimers();
    let warmRequest: ToWorker | null = null;
    const worker = new FakeWorker((message) => {
      if (message.type === 'warm') {
        warmRequest = message;
        return null;
      }
      return answering(message);
    });
    const client = new PdfClient(() => worker, { timeoutMs: 1000 });
    const read = client.extract(new ArrayBuffer(4));
    await vi.advanceTimersByTimeAsync(5000);
    expect(worker.terminated).toBe(false);
    worker.emit('message', { data: { type: PdfReply.warmed, id: (warmRequest as ToWorker | null)?.id ?? -1 } });
    await expect(read).resolves.toEqual({ ok: true, text: '4 bytes', pageCount: 1 });
  });
});
