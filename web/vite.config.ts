// Build, dev-server and unit-test configuration for the xquizit web app.
// The built app is served by the proxy under a strict CSP: nothing may be inlined into index.html.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const proxyPort = process.env.PROXY_PORT ?? process.env.PORT ?? '8787';

export default defineConfig({
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Warning: the polyfill is an inline <script>, which `script-src 'self'` blocks.
    modulePreload: { polyfill: false },
    // Warning: inlined assets become data: URLs; only images may use them under the CSP.
    assetsInlineLimit: 0,
  },
  server: {
    // Same cross-origin isolation as the proxy serves, so WASM threads behave alike in dev.
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    proxy: {
      '/api': { target: `http://127.0.0.1:${proxyPort}`, changeOrigin: false },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
