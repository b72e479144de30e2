// Where pdf.js finds the CMaps and standard fonts some PDFs need: this app's own origin in the browser (build/pdf-
// assets.ts copies them there), the installed pdfjs-dist's folders in Node.
import type { PdfAssetOptions } from './read-pdf.ts';

/** The URL paths the build serves them at. Warning: a contract with web/build/pdf-assets.ts. */
export const PDF_ASSET_PATHS = { cMaps: '/pdfjs/cmaps/', standardFonts: '/pdfjs/standard_fonts/' } as const;

/** The browser's: pdf.js (in the PDF worker) fetches them from `origin`. */
export function originPdfAssets(origin: string): PdfAssetOptions {
  return { cMapUrl: `${origin}${PDF_ASSET_PATHS.cMaps}`, cMapPacked: true, standardFontDataUrl: `${origin}${PDF_ASSET_PATHS.standardFonts}`, useWorkerFetch: true };
}
