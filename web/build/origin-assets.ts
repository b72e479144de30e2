// Vite plugin factory: runtime files the app loads from its own origin (never a CDN), served by the dev server and
// copied into dist at their URLs. speech-assets.ts and pdf-assets.ts list the files.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** One file the app fetches at `url` (absolute path on our origin), read from `source` on disk. */
export interface OriginAsset {
  url: string;
  source: string;
}

// Warning: some of these packages do not export their package.json, so walk up from the resolved entry.
/** The folder of an installed package. */
export function packageDir(name: string, from?: string): string {
  let dir = dirname(require.resolve(name, from ? { paths: [from] } : undefined));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

const CONTENT_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.onnx': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};

function contentType(url: string): string {
  const extension = url.slice(url.lastIndexOf('.'));
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** A plugin serving `assets` in dev and emitting them into the build; `dropFromBundle` removes bundle files by name. */
export function originAssetsPlugin(name: string, assets: readonly OriginAsset[], dropFromBundle?: RegExp): Plugin {
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]));
  return {
    name,
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const asset = byUrl.get((request.url ?? '').split('?')[0] ?? '');
        if (!asset) return next();
        response.setHeader('content-type', contentType(asset.url));
        response.setHeader('content-length', String(statSync(asset.source).size));
        response.setHeader('cross-origin-resource-policy', 'same-origin');
        createReadStream(asset.source).pipe(response);
      });
    },
    generateBundle(_options, bundle) {
      if (dropFromBundle) for (const file of Object.keys(bundle)) if (dropFromBundle.test(file)) delete bundle[file];
      for (const asset of assets) this.emitFile({ type: 'asset', fileName: asset.url.slice(1), source: readFileSync(asset.source) });
    },
  };
}
