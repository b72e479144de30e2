// Reading a PDF with a given pdf.js build: open, check the page cap, collect text items, lay them out.
// The same code runs in the browser worker (modern build) and in Node tests (legacy build).

import type * as PdfJs from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { MAX_PDF_PAGES } from '../limits.ts';
import { classifyPdfError } from './classify-error.ts';
import { layoutPages } from './layout.ts';
import type { PdfFailure, PdfOutcome, PdfPageText, PdfReadOptions } from './types.ts';

/** The parts of pdf.js this module uses: the modern and the legacy build both fit. */
export type PdfJsApi = Pick<typeof PdfJs, 'getDocument'>;

/**
 * pdf.js options for text only. Warning: pdf.js fetches only what PdfAssetOptions names (CMaps for CJK text in
 * fonts that are not embedded, standard fonts for other fonts not embedded); no wasmUrl or iccUrl: text needs
 * neither. pdf.js 6 has no eval code path left (`isEvalSupported` is gone); PostScript functions compile to WASM.
 */
export const PDFJS_TEXT_OPTIONS = {
  useSystemFonts: false,
  disableFontFace: true,
  useWasm: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  disableWorkerRendering: true,
  enableXfa: false,
  stopAtErrors: false,
  verbosity: 0,
} as const;

/** Where pdf.js finds the CMaps and standard fonts some PDFs need, and whether its own code fetches them. */
export interface PdfAssetOptions {
  cMapUrl?: string;
  cMapPacked?: boolean;
  standardFontDataUrl?: string;
  /** True where pdf.js runs in a worker with fetch (the browser); false for file paths (Node). */
  useWorkerFetch: boolean;
}

/** No CMaps, no standard fonts: pdf.js fetches nothing (CJK text in fonts that are not embedded is lost). */
export const NO_PDF_ASSETS: PdfAssetOptions = { useWorkerFetch: false };

/** A PDF's pages as text items, or the problem that stopped reading them. */
export type PdfPagesOutcome = { ok: true; pages: PdfPageText[]; pageCount: number } | PdfFailure;

/** Opens `bytes` (pdf.js takes ownership of them) and collects each page's text items. */
export async function readPdfPages(pdfjs: PdfJsApi, bytes: Uint8Array, options: PdfReadOptions = {}, assets: PdfAssetOptions = NO_PDF_ASSETS): Promise<PdfPagesOutcome> {
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  const task = pdfjs.getDocument({ ...PDFJS_TEXT_OPTIONS, ...assets, data: bytes, password: options.password });
  try {
    const pdf = await task.promise;
    const pageCount = pdf.numPages;
    if (pageCount > maxPages) return { ok: false, code: 'too-many-pages', pageCount };
    const pages: PdfPageText[] = [];
    for (let number = 1; number <= pageCount; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.filter((item): item is TextItem => 'str' in item);
      pages.push({ view: page.view, items });
      page.cleanup();
    }
    return { ok: true, pages, pageCount };
  } catch (error) {
    return { ok: false, code: classifyPdfError(error) };
  } finally {
    await task.destroy();
  }
}

/** Reads a PDF into clean text; a PDF without any text is a `no-text-layer` problem. */
export async function readPdf(pdfjs: PdfJsApi, bytes: Uint8Array, options: PdfReadOptions = {}, assets: PdfAssetOptions = NO_PDF_ASSETS): Promise<PdfOutcome> {
  const read = await readPdfPages(pdfjs, bytes, options, assets);
  if (!read.ok) return read;
  const text = layoutPages(read.pages);
  if (text === '') return { ok: false, code: 'no-text-layer' };
  return { ok: true, text, pageCount: read.pageCount };
}
