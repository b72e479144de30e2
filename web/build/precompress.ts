// Vite plugin: after the build (the service worker included), writes a brotli (.br) and a gzip (.gz) copy beside
// every compressible file in dist, so the proxy serves them compressed without compressing per request.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Extensions worth compressing: text, and ONNX Runtime's WASM (about a quarter of its size in brotli). */
export const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.wasm']);

/** A copy is kept only when it is at least this much smaller; otherwise the file is served as it is. */
const MIN_SAVING = 0.1;

/**
 * Brotli's best quality is slow on big files (pdf.js's worker takes seconds, ONNX Runtime's 21 MB WASM a minute);
 * above this size a faster quality gives nearly the same size.
 */
const MAX_BEST_QUALITY_BYTES = 1024 * 1024;

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

/** Writes `file`.br and `file`.gz when they save enough; returns how many copies it wrote. */
export async function precompressFile(file: string): Promise<number> {
  const source = await readFile(file);
  const quality = source.length > MAX_BEST_QUALITY_BYTES ? 5 : constants.BROTLI_MAX_QUALITY;
  const [br, gz] = await Promise.all([
    brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
    gzipAsync(source, { level: 9 }),
  ]);
  let written = 0;
  for (const [suffix, data] of [['.br', br], ['.gz', gz]] as const) {
    if (data.length > source.length * (1 - MIN_SAVING)) continue;
    await writeFile(`${file}${suffix}`, data);
    written++;
  }
  return written;
}

/** Compresses every compressible file under `dir` (the files already compressed are skipped). */
export async function precompressDir(dir: string): Promise<{ files: number; copies: number }> {
  const files = (await filesUnder(dir)).filter((file) => COMPRESSIBLE.has(extname(file)));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  // Small files first, all at once: zlib runs them on its thread pool, so both cores share the work.
  const copies = await Promise.all(files.map((file, i) => ({ file, size: sizes[i]! })).sort((a, b) => a.size - b.size).map(({ file }) => precompressFile(file)));
  return { files: files.length, copies: copies.reduce((sum, n) => sum + n, 0) };
}

/** The plugin: runs once the bundle and the service worker are written. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'xquizit-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const started = performance.now();
        const { files, copies } = await precompressDir(outDir);
        this.info(`precompressed ${files} files into ${copies} .br/.gz copies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
