// Worker side: pdf.js (modern build) from our own bundle, its worker code running in this same thread.
// Warning: importing pdf.worker.mjs publishes globalThis.pdfjsWorker, so pdf.js neither spawns a worker of
// its own nor fetches a workerSrc from anywhere; we already are off the main thread, so nothing is lost.
// Static imports on purpose: the whole worker is loaded lazily, and a worker bundle cannot split chunks.

import 'pdfjs-dist/build/pdf.worker.mjs';
import { getDocument } from 'pdfjs-dist';
import type { PdfJsApi } from './read-pdf.ts';

/** pdf.js, set up to parse in the current thread. */
export const pdfjs: PdfJsApi = { getDocument };
