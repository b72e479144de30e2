// The web app manifest (served as /manifest.webmanifest by vite-plugin-pwa) and the colours it shares with app.css.
// Imported by vite.config.ts at build time, so keep it free of browser APIs and Svelte.

/** Page background of the light and dark themes; must equal `--bg` in app.css (a unit test checks). */
export const THEME_COLORS = { light: '#f7f7f5', dark: '#121317' } as const;

/** One manifest icon; `sizes` must be the PNG's real pixel size (an e2e test reads the bytes). */
export interface ManifestIcon {
  src: string;
  sizes: string;
  type: 'image/png';
  purpose: 'any' | 'maskable';
}

/** The subset of the Web App Manifest the app uses. */
export interface WebAppManifest {
  name: string;
  short_name: string;
  description: string;
  theme_color: string;
  background_color: string;
  display: 'standalone';
  start_url: string;
  scope: string;
  icons: ManifestIcon[];
}

/** The apple-touch-icon linked from index.html (iOS ignores manifest icons). */
export const APPLE_TOUCH_ICON = '/icons/apple-touch-icon.png';

/** The manifest; the PNGs are rendered from favicon.svg by web/scripts/make-icons.ts. */
export const webManifest: WebAppManifest = {
  name: 'xquizit — interview coach',
  short_name: 'xquizit',
  description: 'Practice job interviews out loud: a coach that reads your resume, asks, listens and follows up.',
  // The light theme's background, so the installed window's title bar blends with the page.
  theme_color: THEME_COLORS.light,
  background_color: THEME_COLORS.light,
  display: 'standalone',
  start_url: '/',
  scope: '/',
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    // Full-bleed tile, glyph inside the 80% safe zone: platforms may crop these to any shape.
    { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
    { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};
