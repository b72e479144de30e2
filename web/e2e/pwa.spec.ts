// The installable, offline-first app: manifest and icons, the service worker and offline reloads,
// the install button's wiring and the new-version prompt, all through the real proxy and its CSP.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startProxy, test } from './harness/index.ts';
import { WEB_DIST } from './harness/paths.ts';
import { exportJson } from '../src/lib/history/envelope.ts';
import { sampleRecord } from '../src/lib/history/testdata.ts';

interface ManifestIcon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The precache URLs listed in the generated sw.js. */
function precacheUrls(swSource: string): string[] {
  return [...swSource.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);
}

/** Waits until a service worker is active and activated (its precache is complete). */
async function serviceWorkerActivated(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state === 'activated') return;
    await new Promise<void>((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  });
}

test.describe('manifest and icons', () => {
  test('the manifest is linked, valid and complete', async ({ page, request }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');
    const response = await request.get('/manifest.webmanifest');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    expect(response.headers()['cache-control']).toBe('no-cache');
    const manifest = JSON.parse(await response.text()) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'xquizit — interview coach',
      short_name: 'xquizit',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      description: expect.any(String),
    });
    const icons = manifest.icons as ManifestIcon[];
    expect(icons.map((icon) => `${icon.purpose} ${icon.sizes}`).sort()).toEqual(['any 192x192', 'any 512x512', 'maskable 192x192', 'maskable 512x512']);
  });

  test('every icon is a PNG of the size it claims', async ({ request }) => {
    const manifest = (await (await request.get('/manifest.webmanifest')).json()) as { icons: ManifestIcon[] };
    const icons = [...manifest.icons, { src: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' }];
    for (const icon of icons) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()['content-type'], icon.src).toBe('image/png');
      expect(icon.type).toBe('image/png');
      const size = pngSize(await response.body());
      expect(size && `${size.width}x${size.height}`, icon.src).toBe(icon.sizes);
    }
  });

  test('index.html carries the install and theme metadata', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', '/icons/apple-touch-icon.png');
    await expect(page.locator('meta[name="theme-color"]')).toHaveCount(2);
    await expect(page.locator('meta[name="apple-mobile-web-app-capable"]')).toHaveAttribute('content', 'yes');
    await expect(page.locator('meta[name="apple-mobile-web-app-status-bar-style"]')).toHaveAttribute('content', 'default');
    await expect(page.locator('meta[name="apple-mobile-web-app-title"]')).toHaveAttribute('content', 'xquizit');
  });
});

test.describe('service worker', () => {
  test('sw.js and the Workbox runtime are served revalidated, as scripts, under the CSP', async ({ request }) => {
    const sw = await request.get('/sw.js');
    expect(sw.status()).toBe(200);
    expect(sw.headers()['content-type']).toBe('text/javascript; charset=utf-8');
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect(sw.headers()['content-security-policy']).toContain("script-src 'self'");
    const source = await sw.text();
    const runtime = /"\.\/(workbox-[0-9a-f]+)"/.exec(source)?.[1];
    expect(runtime, 'sw.js imports a same-origin Workbox runtime').toBeTruthy();
    const workbox = await request.get(`/${runtime}.js`);
    expect(workbox.status()).toBe(200);
    expect(workbox.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  });

  test('precaches the shell and the document readers, never model weights', async ({ request }) => {
    const urls = precacheUrls(await (await request.get('/sw.js')).text());
    expect(new Set(urls).size, 'no duplicate entries').toBe(urls.length);
    expect(urls).toContain('index.html');
    expect(urls).toContain('manifest.webmanifest');
    expect(urls.some((url) => /^assets\/pdf\.worker-[\w-]+\.js$/.test(url)), 'pdf.js worker precached').toBe(true);
    expect(urls.some((url) => /^assets\/documents-[\w-]+\.js$/.test(url)), 'documents chunk precached').toBe(true);
    expect(urls.filter((url) => /\.(onnx|bin)$|^models\//.test(url))).toEqual([]);
  });

  test.describe('offline', () => {
    // Offline, /api/health (and Chromium's check for a new sw.js) fail, and Chromium logs each as an error.
    test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/] });

    test('installs, controls the page after a reload, then reloads offline from its cache', async ({ page, context }) => {
      await page.goto('/');
      await serviceWorkerActivated(page);
      const cached = await page.evaluate(async () => {
        const names = await caches.keys();
        const precache = names.find((name) => name.startsWith('workbox-precache'));
        return precache ? (await (await caches.open(precache)).keys()).map((request) => new URL(request.url).pathname) : [];
      });
      expect(cached).toContain('/index.html');
      expect(cached.some((url) => url.startsWith('/assets/pdf.worker-'))).toBe(true);

      // No clientsClaim (updates wait for the user), so the page that installed it is not controlled yet.
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');

      await context.setOffline(true);
      const response = await page.reload();
      expect(response?.fromServiceWorker(), 'the offline reload went through the service worker').toBe(true);
      await expect(page).toHaveTitle('xquizit');
      await expect(page.getByRole('heading', { level: 1, name: 'xquizit' })).toBeVisible();
      await expect(page.getByTestId('start-interview')).toBeVisible();
      await expect(page.getByTestId('proxy-unreachable')).toBeVisible();
      await expect(page.getByTestId('offline-notice')).toHaveText(
        'Offline: history, transcripts and settings still work; starting an interview needs the network.',
      );
      // The cached response keeps the proxy's headers: still cross-origin isolated, still under the CSP.
      expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);

      await context.setOffline(false);
      await expect(page.getByTestId('offline-notice')).toHaveCount(0);
    });

    test('reloads offline showing the history and a saved transcript', async ({ page, context }) => {
      await page.goto('/');
      await serviceWorkerActivated(page);
      await page.reload();
      await page.getByTestId('open-history').click();
      const record = sampleRecord();
      await page.getByTestId('import-json').setInputFiles({ name: 'interview.json', mimeType: 'application/json', buffer: Buffer.from(exportJson(record, Date.now())) });
      await expect(page.getByTestId('history-item')).toHaveCount(1);
      await context.setOffline(true);
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await page.getByTestId('open-history').click();
      await expect(page.getByTestId('history-item')).toHaveCount(1);
      await page.getByTestId('history-item').getByRole('button', { name: /open/i }).click();
      await expect(page.getByTestId('transcript').locator('li').first()).toBeVisible();
      await context.setOffline(false);
    });

    test('an app route reloads offline through the navigation fallback; /api does not', async ({ page, context }) => {
      await page.goto('/');
      await serviceWorkerActivated(page);
      await page.reload();
      await context.setOffline(true);
      const response = await page.goto('/some/app/route');
      expect(response?.fromServiceWorker()).toBe(true);
      await expect(page.getByTestId('start-interview')).toBeVisible();
      const api = await page.evaluate(() =>
        fetch('/api/health').then(
          () => 'answered',
          () => 'network error',
        ),
      );
      expect(api).toBe('network error');
    });
  });
});

test.describe('new version prompt', () => {
  test('offers a waiting version and reloads into it on "Reload"', async ({ page }) => {
    // Its own proxy on a copy of the build, so the test can publish a "new" sw.js without touching web/dist.
    const dist = mkdtempSync(path.join(tmpdir(), 'xquizit-pwa-dist-'));
    cpSync(WEB_DIST, dist, { recursive: true });
    const proxy = await startProxy({ WEB_DIST: dist });
    try {
      await page.goto(proxy.url);
      await serviceWorkerActivated(page);
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);

      const swPath = path.join(dist, 'sw.js');
      writeFileSync(swPath, `${readFileSync(swPath, 'utf8')}\n// a new release\n`);
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.ready).update();
        (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true;
      });

      const prompt = page.getByRole('status').filter({ hasText: 'A new version is available.' });
      await expect(prompt).toBeVisible();
      await prompt.getByRole('button', { name: 'Reload' }).focus();
      const reloaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await reloaded;

      // The page reloaded (the marker is gone) under the new worker, and nothing waits any more.
      expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
      await expect(page.getByTestId('start-interview')).toBeVisible();
      await expect(page.getByTestId('update-prompt')).toHaveCount(0);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting)).toBeNull();
    } finally {
      await proxy.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

test.describe('install button', () => {
  test('our wiring: hidden until a (synthetic) beforeinstallprompt, which the button then prompts with', async ({ page }) => {
    // Records whether the browser itself offered installation, so "hidden" means what it says.
    await page.addInitScript(() => {
      window.addEventListener('beforeinstallprompt', (event) => {
        if (!('synthetic' in event)) (window as unknown as { realInstallPrompt: boolean }).realInstallPrompt = true;
      });
    });
    await page.goto('/');
    await expect(page.getByTestId('start-interview')).toBeVisible();
    expect(await page.evaluate(() => 'realInstallPrompt' in window)).toBe(false);
    await expect(page.getByTestId('install-app')).toHaveCount(0);

    // A stand-in for Chromium's event: this checks our listener and button, not the browser's installability rules.
    await page.evaluate(() => {
      const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        synthetic: true,
        prompt: async () => void ((window as unknown as { prompted: number }).prompted = 1),
        userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' }),
      });
      window.dispatchEvent(event);
    });
    const install = page.getByRole('button', { name: 'Install app' });
    await expect(install).toBeVisible();
    await install.focus();
    await page.keyboard.press('Enter');
    await expect(install).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
  });

  test('our wiring: appinstalled hides a (synthetic) offer', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('start-interview')).toBeVisible();
    await page.evaluate(() => {
      window.dispatchEvent(
        Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => undefined,
          userChoice: Promise.resolve({ outcome: 'accepted' }),
        }),
      );
    });
    await expect(page.getByTestId('install-app')).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect(page.getByTestId('install-app')).toHaveCount(0);
  });

  test('an install offer made while the saved work is still being read is kept', async ({ page }) => {
    // Fired as early as a page can see it: before the app has read this device's storage and drawn the first screen.
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => undefined,
          userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' }),
        });
        window.dispatchEvent(offer);
        (window as unknown as { offerHandled: boolean }).offerHandled = offer.defaultPrevented;
      });
    });
    await page.goto('/');
    expect(await page.evaluate(() => (window as unknown as { offerHandled?: boolean }).offerHandled)).toBe(true);
    await expect(page.getByTestId('install-app')).toBeVisible();
  });

  test('the controls fit a 360 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await page.evaluate(() => {
      window.dispatchEvent(
        Object.assign(new Event('beforeinstallprompt'), { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) }),
      );
      window.dispatchEvent(new Event('offline'));
    });
    await expect(page.getByTestId('install-app')).toBeVisible();
    await expect(page.getByTestId('offline-notice')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
