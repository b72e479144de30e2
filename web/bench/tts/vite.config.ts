// Builds the TTS benchmark page (bench/tts/page) the way the app is built, speech runtime files included, into
// bench/dist/tts (or --outDir). The proxy serves it as WEB_DIST, so it runs under the app's headers and CSP.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { speechAssetsPlugin } from '../../build/speech-assets.ts';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  plugins: [speechAssetsPlugin()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/tts', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Warning: the polyfill is an inline <script>, which the proxy's `script-src 'self'` blocks.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // transformers.js and kokoro-js are big by nature; the app loads them lazily, in the worker.
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
});
