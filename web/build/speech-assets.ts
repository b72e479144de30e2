// Vite plugin: serves (dev) and emits (build) the speech runtime files the app loads from its own origin:
// ONNX Runtime's WASM, Kokoro's English voices and the Silero voice-activity model. Never from a CDN.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** One file the app fetches at `url` (absolute path on our origin), read from `source` on disk. */
export interface SpeechAsset {
  url: string;
  source: string;
}

// Warning: some of these packages do not export their package.json, so walk up from the resolved entry.
function packageDir(name: string, from?: string): string {
  let dir = dirname(require.resolve(name, from ? { paths: [from] } : undefined));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== name) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

/** Every speech file, with where it comes from. Warning: these URLs are a contract with speech/onnx and speech/tts. */
export function speechAssets(): SpeechAsset[] {
  const transformers = packageDir('@huggingface/transformers');
  const ortDist = join(packageDir('onnxruntime-web', transformers), 'dist');
  const kokoroVoices = join(packageDir('kokoro-js'), 'voices');
  const vadDist = join(packageDir('@ricky0123/vad-web'), 'dist');
  const ort = ['ort-wasm-simd-threaded.jsep.mjs', 'ort-wasm-simd-threaded.jsep.wasm'].map((name) => ({ url: `/ort/${name}`, source: join(ortDist, name) }));
  // kokoro-js only accepts its English voices (American and British, female and male).
  const voices = readdirSync(kokoroVoices)
    .filter((name) => /^[ab][fm]_\w+\.bin$/.test(name))
    .map((name) => ({ url: `/voices/${name}`, source: join(kokoroVoices, name) }));
  const vad = [{ url: '/vad/silero_vad_v5.onnx', source: join(vadDist, 'silero_vad_v5.onnx') }];
  return [...ort, ...voices, ...vad];
}

const CONTENT_TYPES: Record<string, string> = { '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.onnx': 'application/octet-stream' };

function contentType(url: string): string {
  const extension = url.slice(url.lastIndexOf('.'));
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** The plugin: a dev-server route for each asset, and each asset copied into dist at its URL. */
export function speechAssetsPlugin(): Plugin {
  const assets = speechAssets();
  const byUrl = new Map(assets.map((asset) => [asset.url, asset]));
  return {
    name: 'xquizit-speech-assets',
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
      // onnxruntime-web names its default .wasm with `new URL(…, import.meta.url)`, so Vite copies a hashed 21 MB
      // duplicate; the app always loads /ort/ (speech/onnx sets wasmPaths), so that copy is never fetched.
      for (const name of Object.keys(bundle)) if (/^assets\/ort-wasm-simd-threaded[.\w-]*\.wasm$/.test(name)) delete bundle[name];
      for (const asset of assets) this.emitFile({ type: 'asset', fileName: asset.url.slice(1), source: readFileSync(asset.source) });
    },
  };
}
