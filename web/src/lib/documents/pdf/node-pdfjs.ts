// Node only (tests and scripts): pdf.js's legacy build, after the Promise.withResolvers polyfill Node 20 lacks.
// The browser loads the modern build in the worker instead (load-pdfjs.ts).

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfAssetOptions, PdfJsApi } from './read-pdf.ts';

/** pdf.js's legacy build with its exports, for running the reader in Node. */
export type NodePdfJs = PdfJsApi & { version: string };

/** Loads pdf.js's legacy build in Node, polyfilling what Node 20 lacks first. */
export async function loadNodePdfjs(): Promise<NodePdfJs> {
  polyfillWithResolvers();
  return await import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** The installed pdfjs-dist's CMaps and standard fonts, read from disk by pdf.js's Node build. */
export function nodePdfAssets(): PdfAssetOptions {
  const root = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs')), '..', '..');
  return { cMapUrl: join(root, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(root, 'standard_fonts') + '/', useWorkerFetch: false };
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
