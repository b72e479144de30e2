// Build, dev-server and unit-test configuration for the xquizit web app.
// The built app is served by the proxy under a strict CSP: nothing may be inlined into index.html.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { PDF_ASSET_PATHS, pdfAssetsPlugin } from './build/pdf-assets.ts';
import { precompressPlugin } from './build/precompress.ts';
import { speechAssetsPlugin } from './build/speech-assets.ts';
import { webManifest } from './src/lib/pwa/manifest.ts';

const proxyPort = process.env.PROXY_PORT ?? process.env.PORT ?? '8787';

/**
 * The app's own modules under src/lib (TypeScript and Svelte, not workers): their top level only declares. Told so,
 * the bundler drops a module none of whose exports is used even when a capability's index.ts re-exports it, so the
 * first screen's script does not carry the interview's code because it shares an index with something it needs.
 * Warning: a module here whose import alone must do something (register, patch a global) would be dropped.
 */
const SIDE_EFFECT_FREE = new RegExp(`^${fileURLToPath(new URL('./src/lib/', import.meta.url)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^?]+(?<!\\.worker|\\.worklet)\\.(ts|svelte)$`);

/**
 * The largest file the service worker precaches. Workbox's default (2 MiB) silently skips bigger
 * files with only a build warning; pdf.js's worker is about 1.7 MB and must be precached so a
 * document can be read offline. Raised to 3 MiB for headroom; the e2e spec checks the worker is listed.
 */
const PRECACHE_MAX_BYTES = 3 * 1024 * 1024;

/** The service worker's cache for the speech runtime files; "free cached downloads" (storage/usage.ts) empties it with the models. */
const SPEECH_RUNTIME_CACHE = 'xquizit-speech-runtime';

/** The service worker's cache for the CMaps and standard fonts pdf.js asks for (a few PDFs need them). */
const PDF_DATA_CACHE = 'xquizit-pdf-data';

export default defineConfig({
  plugins: [
    svelte(),
    speechAssetsPlugin(),
    pdfAssetsPlugin(),
    VitePWA({
      strategies: 'generateSW',
      // A new version waits until the user chooses "Reload" (PwaControls): never swapped mid-interview.
      registerType: 'prompt',
      // Registered by src/lib/pwa/register.ts with workbox-window: the CSP forbids the plugin's inline script.
      injectRegister: false,
      manifest: webManifest,
      // globPatterns below already pick up the icons, favicon and manifest; listing them again duplicates entries.
      includeManifestIcons: false,
      workbox: {
        // The app shell and every lazy chunk an interview needs, pdf.js's worker and mammoth included.
        // (manifest.webmanifest is added by the plugin itself.)
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        // Warning: never precache model weights (TTS/STT models are large and fetched on demand).
        globIgnores: ['**/*.onnx', 'models/**', '**/*.bin'],
        maximumFileSizeToCacheInBytes: PRECACHE_MAX_BYTES,
        navigateFallback: '/index.html',
        // /api always goes to the network: no navigation fallback and no runtime caching there.
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The speech runtime (ONNX Runtime's WASM, the voice-activity model) is too big to precache, so it is kept
        // on first use: a second visit speaks and listens offline. Model and voice files are cached by
        // transformers.js and kokoro-js themselves (Cache Storage), so they are not cached twice here.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith('/ort/') || url.pathname.startsWith('/vad/')),
            handler: 'CacheFirst',
            options: { cacheName: SPEECH_RUNTIME_CACHE, cacheableResponse: { statuses: [200] } },
          },
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && (url.pathname.startsWith(PDF_ASSET_PATHS.cMaps) || url.pathname.startsWith(PDF_ASSET_PATHS.standardFonts)),
            handler: 'CacheFirst',
            options: { cacheName: PDF_DATA_CACHE, cacheableResponse: { statuses: [200] } },
          },
        ],
      },
      devOptions: { enabled: false },
    }),
    // Last: brotli and gzip copies of everything above, the service worker included, for the proxy to serve.
    precompressPlugin(),
  ],
  // Module workers: kokoro-js and transformers.js use import.meta, which the default (iife) format drops.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Warning: the polyfill is an inline <script>, which `script-src 'self'` blocks.
    modulePreload: { polyfill: false },
    // Warning: inlined assets become data: URLs; only images may use them under the CSP.
    assetsInlineLimit: 0,
    rolldownOptions: { treeshake: { moduleSideEffects: [{ test: SIDE_EFFECT_FREE, sideEffects: false }] } },
  },
  server: {
    // Same cross-origin isolation as the proxy serves, so WASM threads behave alike in dev.
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    proxy: {
      '/api': { target: `http://127.0.0.1:${proxyPort}`, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'build/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});
