// Node only (tests and scripts): pdf.js's legacy build, after the Promise.withResolvers polyfill Node 20 lacks.
// The browser loads the modern build in the worker instead (load-pdfjs.ts).

import type { PdfJsApi } from './read-pdf.ts';

/** pdf.js's legacy build with its exports, for running the reader in Node. */
export type NodePdfJs = PdfJsApi & { version: string };

/** Loads pdf.js's legacy build in Node, polyfilling what Node 20 lacks first. */
export async function loadNodePdfjs(): Promise<NodePdfJs> {
  polyfillWithResolvers();
  return await import('pdfjs-dist/legacy/build/pdf.mjs');
}

function polyfillWithResolvers(): void {
  if ('withResolvers' in Promise) return;
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
