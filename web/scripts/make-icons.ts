// Renders the app's PNG icons (web/public/icons/) from web/public/favicon.svg in headless Chromium.
// Run from web/ after changing the favicon: npx tsx scripts/make-icons.ts (the PNGs are committed).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..');
const FAVICON = join(WEB, 'public', 'favicon.svg');
const OUT = join(WEB, 'public', 'icons');
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** The favicon's tile colour: maskable icons fill their whole square with it. */
const TILE = '#3651d4';
/**
 * How much of the square a maskable icon's glyph may use. The platform may crop to a circle of
 * 80% of the side (the safe zone); the favicon's cross, scaled by 0.8, reaches 0.30 of the side
 * from the centre, inside the safe zone's 0.40.
 */
const MASKABLE_GLYPH_SCALE = 0.8;

interface IconSpec {
  file: string;
  size: number;
  /** `any`: the favicon as drawn (transparent corners); `full`: glyph on a full-bleed tile. */
  kind: 'any' | 'full';
}

const ICONS: IconSpec[] = [
  { file: 'icon-192.png', size: 192, kind: 'any' },
  { file: 'icon-512.png', size: 512, kind: 'any' },
  { file: 'maskable-192.png', size: 192, kind: 'full' },
  { file: 'maskable-512.png', size: 512, kind: 'full' },
  // iOS rounds the corners itself and shows transparency as black, so it gets the full tile too.
  { file: 'apple-touch-icon.png', size: 180, kind: 'full' },
];

/** The favicon's glyph (everything but its tile), scaled about the centre of its 64×64 box. */
function fullBleedSvg(favicon: string): string {
  const glyph = favicon.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');
  const offset = 32 * (1 - MASKABLE_GLYPH_SCALE);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${TILE}"/>` +
    `<g transform="translate(${offset} ${offset}) scale(${MASKABLE_GLYPH_SCALE})">${glyph}</g></svg>`
  );
}

async function main(): Promise<void> {
  const favicon = readFileSync(FAVICON, 'utf8').trim();
  if (!/<rect[^>]*\/>/.test(favicon)) throw new Error('favicon.svg changed shape: expected its tile as the first <rect/>');
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined),
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
      const svg = icon.kind === 'any' ? favicon : fullBleedSvg(favicon);
      const sized = svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
      writeFileSync(join(OUT, icon.file), png);
      await page.close();
      console.log(`${icon.file}: ${icon.size}×${icon.size}, ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

await main();
