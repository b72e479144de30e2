// Vite plugin: serves (dev) and emits (build) the speech runtime files the app loads from its own origin:
// ONNX Runtime's WASM, Kokoro's English voices and the Silero voice-activity model. Never from a CDN.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { originAssetsPlugin, packageDir, type OriginAsset } from './origin-assets.ts';

/** One speech file the app fetches at `url`, read from `source` on disk. */
export type SpeechAsset = OriginAsset;

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

/** The plugin: a dev-server route for each speech file, and each copied into dist at its URL. */
export function speechAssetsPlugin(): Plugin {
  // onnxruntime-web names its default .wasm with `new URL(…, import.meta.url)`, so Vite copies a hashed 21 MB
  // duplicate; the app always loads /ort/ (speech/onnx sets wasmPaths), so that copy is never fetched.
  return originAssetsPlugin('xquizit-speech-assets', speechAssets(), /^assets\/ort-wasm-simd-threaded[.\w-]*\.wasm$/);
}
