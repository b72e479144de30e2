// Main-thread side of the PDF worker: one worker, started on first use and reused for every document, one request
// at a time, a typed promise per request, and a clear error when the worker cannot start, dies, or stays busy with
// one PDF past the time limit (it is then stopped, and the requests behind it go to a fresh worker). The limit is
// for reading: a new worker first loads pdf.js (a warm request, not timed; slow networks and devices take long).

import { describeWorkerFailure, watchWorker, type WorkerPort } from '../../workers/index.ts';
import { MAX_PDF_PAGES, PDF_READ_TIMEOUT_MS } from '../limits.ts';
import { PdfCommand, PdfReply, type FromWorker, type ToWorker } from './pdf.protocol.ts';
import type { PdfOutcome, PdfReadOptions } from './types.ts';

/** The part of a Worker the client uses; tests pass a fake. */
export type PdfWorkerPort = WorkerPort<ToWorker, FromWorker>;

/** The worker could not start, died, or broke; the PDF itself may be fine. */
export class PdfReaderError extends Error {
  override name = 'PdfReaderError';
}

/** One PDF kept the worker busy past the time limit; the worker was stopped. */
export class PdfTimeoutError extends Error {
  override name = 'PdfTimeoutError';
}

/** Starts the real worker. Vite bundles pdf.worker.ts, and pdf.js inside it, as a file of our own origin. */
export function startPdfWorker(): PdfWorkerPort {
  return new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdf-reader' });
}

/** Options of PdfClient. */
export interface PdfClientOptions {
  /** The longest one request may take once sent (default PDF_READ_TIMEOUT_MS). */
  timeoutMs?: number;
}

interface Request {
  build: (id: number) => ToWorker;
  transfer: Transferable[];
  /** Whether the time limit applies (reading a PDF; not loading pdf.js). */
  timed: boolean;
  resolve: (reply: FromWorker) => void;
  reject: (error: Error) => void;
}

interface Active extends Request {
  id: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Talks to one PDF worker, starting it on first use and again after it failed or was stopped. */
export class PdfClient {
  readonly #start: () => PdfWorkerPort;
  readonly #timeoutMs: number;
  #worker: PdfWorkerPort | null = null;
  /** Whether the current worker has loaded pdf.js (answered a warm request). */
  #warm = false;
  // Warning: one request at a time, so a PDF that never ends holds up only itself: the ones behind it have not
  // been handed (and their bytes not transferred) to the worker that gets stopped.
  readonly #waiting: Request[] = [];
  #active: Active | null = null;
  #nextId = 1;

  constructor(start: () => PdfWorkerPort = startPdfWorker, options: PdfClientOptions = {}) {
    this.#start = start;
    this.#timeoutMs = options.timeoutMs ?? PDF_READ_TIMEOUT_MS;
  }

  /** Starts the worker (loading pdf.js) and waits until it answers. */
  async warm(): Promise<void> {
    await this.#request((id) => ({ type: PdfCommand.warm, id }), [], false);
  }

  /** Reads a PDF in the worker. Warning: `bytes` is transferred, so the caller's buffer is detached. */
  async extract(bytes: ArrayBuffer, options: PdfReadOptions = {}): Promise<PdfOutcome> {
    const maxPages = options.maxPages ?? MAX_PDF_PAGES;
    const reply = await this.#request(
      (id) => ({ type: PdfCommand.extract, id, bytes, password: options.password, maxPages }),
      [bytes],
      true,
    );
    if (reply.type !== PdfReply.extracted) throw new PdfReaderError(`unexpected reply ${reply.type}`);
    return reply.outcome;
  }

  /** Stops the worker; every request not answered yet fails. */
  dispose(): void {
    const error = new PdfReaderError('The PDF reader was stopped.');
    for (const request of this.#waiting.splice(0)) request.reject(error);
    this.#fail(error);
  }

  #request(build: (id: number) => ToWorker, transfer: Transferable[], timed: boolean): Promise<FromWorker> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ build, transfer, timed, resolve, reject });
      this.#next();
    });
  }

  #next(): void {
    if (this.#active) return;
    let request = this.#waiting.shift();
    if (!request) return;
    if (request.timed && !this.#warm) {
      // Load pdf.js first, untimed; the read goes next once the worker answers, and fails if it cannot start.
      const read = request;
      request = {
        build: (id) => ({ type: PdfCommand.warm, id }),
        transfer: [],
        timed: false,
        resolve: () => this.#waiting.unshift(read),
        reject: (error) => read.reject(error),
      };
    }
    let worker: PdfWorkerPort;
    try {
      worker = this.#ensureWorker();
    } catch (error) {
      request.reject(error instanceof Error ? error : new PdfReaderError(String(error)));
      this.#next();
      return;
    }
    const id = this.#nextId++;
    const timer = request.timed
      ? setTimeout(() => {
          this.#fail(new PdfTimeoutError(`The PDF reader was still busy after ${Math.round(this.#timeoutMs / 1000)} s and was stopped.`), worker);
        }, this.#timeoutMs)
      : undefined;
    this.#active = { ...request, id, timer };
    try {
      worker.postMessage(request.build(id), request.transfer);
    } catch (error) {
      this.#finish(id, () => request.reject(new PdfReaderError(`The PDF reader did not take the file: ${describeWorkerFailure(error)}`)));
    }
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
    const active = this.#active;
    if (!active || active.id !== reply.id) return;
    if (reply.type === PdfReply.warmed) this.#warm = true;
    this.#finish(reply.id, () => {
      if (reply.type === PdfReply.failed) active.reject(new PdfReaderError(`The PDF reader failed: ${reply.message}`));
      else active.resolve(reply);
    });
  }

  // Ends the active request `id` and sends the next one.
  #finish(id: number, settle: () => void): void {
    const active = this.#active;
    if (!active || active.id !== id) return;
    clearTimeout(active.timer);
    this.#active = null;
    settle();
    this.#next();
  }

  // Stops `worker` (if it is still the current one) and fails the request it was working on; the next one gets a
  // fresh worker.
  #fail(error: Error, worker: PdfWorkerPort | null = this.#worker): void {
    if (worker !== this.#worker) return;
    worker?.terminate();
    this.#worker = null;
    this.#warm = false;
    const active = this.#active;
    if (active) this.#finish(active.id, () => active.reject(error));
  }
}
