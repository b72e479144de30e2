// The manifest's fields and its colours kept equal to app.css's page background.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME_COLORS, webManifest } from './manifest.ts';

const appCss = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');

/** The `--bg` values in app.css: the light one first, then the dark one. */
function backgrounds(css: string): string[] {
  return [...css.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((match) => match[1]!.toLowerCase());
}

describe('webManifest', () => {
  it('uses app.css page backgrounds for its colours', () => {
    expect(backgrounds(appCss)).toEqual([THEME_COLORS.light, THEME_COLORS.dark]);
    expect(webManifest.theme_color).toBe(THEME_COLORS.light);
    expect(webManifest.background_color).toBe(THEME_COLORS.light);
  });

  it('is a standalone app at the root', () => {
    expect(webManifest).toMatchObject({ name: 'xquizit — interview coach', short_name: 'xquizit', display: 'standalone', start_url: '/', scope: '/' });
  });

  it.each([
    ['any', '192x192'],
    ['any', '512x512'],
    ['maskable', '192x192'],
    ['maskable', '512x512'],
  ])('has a %s PNG icon of %s', (purpose, sizes) => {
    const icon = webManifest.icons.find((candidate) => candidate.purpose === purpose && candidate.sizes === sizes);
    expect(icon?.type).toBe('image/png');
    expect(icon?.src).toMatch(/^\/icons\/[\w-]+\.png$/);
  });

  it('links index.html to the same theme colours', () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
    expect(html).toContain(`<meta name="theme-color" media="(prefers-color-scheme: light)" content="${THEME_COLORS.light}" />`);
    expect(html).toContain(`<meta name="theme-color" media="(prefers-color-scheme: dark)" content="${THEME_COLORS.dark}" />`);
  });
});
