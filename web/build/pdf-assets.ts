// Vite plugin: serves (dev) and emits (build) the data pdf.js fetches for some PDFs, from our own origin: the
// predefined CMaps (CJK text in fonts that are not embedded) and the standard font files (fonts not embedded).
// The PDF worker points pdf.js at these URLs (src/lib/documents/pdf/pdf-assets.ts, which owns the paths).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { PDF_ASSET_PATHS } from '../src/lib/documents/pdf/pdf-assets.ts';
import { originAssetsPlugin, packageDir, type OriginAsset } from './origin-assets.ts';

export { PDF_ASSET_PATHS };

/** Every CMap (.bcmap) and standard font file of the installed pdfjs-dist. */
export function pdfAssets(): OriginAsset[] {
  const root = packageDir('pdfjs-dist');
  const folder = (name: string, url: string, pattern: RegExp) =>
    readdirSync(join(root, name))
      .filter((file) => pattern.test(file))
      .map((file) => ({ url: `${url}${file}`, source: join(root, name, file) }));
  return [...folder('cmaps', PDF_ASSET_PATHS.cMaps, /\.bcmap$/), ...folder('standard_fonts', PDF_ASSET_PATHS.standardFonts, /\.(pfb|ttf)$/)];
}

/** The plugin: a dev-server route for each file, and each copied into dist at its URL. */
export function pdfAssetsPlugin(): Plugin {
  return originAssetsPlugin('xquizit-pdf-assets', pdfAssets());
}
