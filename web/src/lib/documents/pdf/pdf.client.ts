// Main-thread side of the PDF worker: one worker, started on first use and reused for every document,
// a typed promise per request, and a clear error when the worker cannot start or dies.

import { describeWorkerFailure, watchWorker, type WorkerPort } from '../../workers/index.ts';
import { MAX_PDF_PAGES } from '../limits.ts';
import { PdfCommand, PdfReply, type FromWorker, type ToWorker } from './pdf.protocol.ts';
import type { PdfOutcome, PdfReadOptions } from './types.ts';

/** The part of a Worker the client uses; tests pass a fake. */
export type PdfWorkerPort = WorkerPort<ToWorker, FromWorker>;

/** The worker could not start, died, or broke; the PDF itself may be fine. */
export class PdfReaderError extends Error {
  override name = 'PdfReaderError';
}

/** Starts the real worker. Vite bundles pdf.worker.ts, and pdf.js inside it, as a file of our own origin. */
export function startPdfWorker(): PdfWorkerPort {
  return new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf-reader' });
}

interface Pending {
  resolve: (reply: FromWorker) => void;
  reject: (error: Error) => void;
}

/** Talks to one PDF worker, starting it on first use and again after it failed. */
export class PdfClient {
  readonly #start: () => PdfWorkerPort;
  #worker: PdfWorkerPort | null = null;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;

  constructor(start: () => PdfWorkerPort = startPdfWorker) {
    this.#start = start;
  }

  /** Starts the worker (loading pdf.js) and waits until it answers. */
  async warm(): Promise<void> {
    await this.#request((id) => ({ type: PdfCommand.warm, id }), []);
  }

  /** Reads a PDF in the worker. Warning: `bytes` is transferred, so the caller's buffer is detached. */
  async extract(bytes: ArrayBuffer, options: PdfReadOptions = {}): Promise<PdfOutcome> {
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    const reply = await this.#request(
      (id) => ({ type: PdfCommand.extract, id, bytes, password: options.password, maxPages }),
      [bytes],
    );
    if (reply.type !== PdfReply.extracted) throw new PdfReaderError(`unexpected reply ${reply.type}`);
    return reply.outcome;
  }

  /** Stops the worker; requests still waiting fail. */
  dispose(): void {
    this.#fail(new PdfReaderError('The PDF reader was stopped.'));
  }

  #request(build: (id: number) => ToWorker, transfer: Transferable[]): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      const worker = this.#ensureWorker();
      const id = this.#nextId++;
      this.#pending.set(id, { resolve, reject });
      try {
        worker.postMessage(build(id), transfer);
      } catch (error) {
        this.#pending.delete(id);
        reject(new PdfReaderError(`The PDF reader did not take the file: ${describeWorkerFailure(error)}`));
      }
    });
  }

  #ensureWorker(): PdfWorkerPort {
    if (this.#worker) return this.#worker;
    let worker: PdfWorkerPort;
    try {
      worker = this.#start();
    } catch (error) {
      throw new PdfReaderError(`The PDF reader could not start: ${describeWorkerFailure(error)}`);
    }
    watchWorker(worker, {
      onReply: (reply) => this.#settle(reply),
      onBroken: (kind, detail) =>
        this.#fail(new PdfReaderError(kind === 'stopped' ? `The PDF reader could not start or stopped: ${detail}` : 'The PDF reader sent a reply that could not be read.'), worker),
    });
    this.#worker = worker;
    return worker;
  }

  #settle(reply: FromWorker): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    if (reply.type === PdfReply.failed) pending.reject(new PdfReaderError(`The PDF reader failed: ${reply.message}`));
    else pending.resolve(reply);
  }

  #fail(error: PdfReaderError, worker: PdfWorkerPort | null = this.#worker): void {
    if (worker !== this.#worker) return;
    worker?.terminate();
    this.#worker = null;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }
}

