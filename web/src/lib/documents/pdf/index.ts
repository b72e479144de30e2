// The PDF reader's public face: PDF bytes to clean text in a Web Worker, with plain-words problems.
// pdf.js loads only inside the worker, so importing this module costs the app shell almost nothing.

import { PdfClient, PdfTimeoutError } from './pdf.client.ts';
import type { PdfOutcome, PdfReadOptions } from './types.ts';

export type { PdfFailure, PdfOutcome, PdfProblemCode, PdfReadOptions } from './types.ts';

let client: PdfClient | null = null;

function shared(): PdfClient {
  client ??= new PdfClient();
  return client;
}

/**
 * Reads a PDF's text in the PDF worker, in reading order. Never throws: a PDF that keeps the reader busy past
 * PDF_READ_TIMEOUT_MS is a `too-slow` problem (its worker is stopped; other documents are read by a fresh one), a
 * worker that cannot start is `reader-failed`. Warning: `bytes` is transferred to the worker and detached here.
 */
export async function extractPdf(bytes: ArrayBuffer, options: PdfReadOptions = {}): Promise<PdfOutcome> {
  try {
    return await shared().extract(bytes, options);
  } catch (error) {
    return { ok: false, code: error instanceof PdfTimeoutError ? 'too-slow' : 'reader-failed' };
  }
}

/** Starts the worker and loads pdf.js so the next extraction is warm; rejects when the reader cannot start. */
export function warmPdfReader(): Promise<void> {
  return shared().warm();
}

/** Stops the worker and frees its memory; the next call starts a fresh one. */
export function disposePdfReader(): void {
  client?.dispose();
  client = null;
}
