// The first load as a phone on a slow network sees it: the proxy sends scripts and styles compressed, the code for the
// interview, the history and the microphone setup arrives only when the candidate goes there, and nothing moves.
import type { Page, Response } from '@playwright/test';
import { expect, openSettings, startInterview, test } from './harness/index.ts';

/** A script or stylesheet response: its path, the encoding it came in, and its body. */
interface Asset {
  url: string;
  encoding: string | undefined;
  response: Response;
}

/** Files too small for compression to save anything (the build keeps no compressed copy of them). */
const TOO_SMALL_TO_COMPRESS_BYTES = 512;

/** Same-origin script and stylesheet responses of a page, with the encoding each came in. */
function watchAssets(page: Page): Asset[] {
  const seen: Asset[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || type === 'stylesheet') seen.push({ url: new URL(response.url()).pathname, encoding: response.headers()['content-encoding'], response });
  });
  return seen;
}

test('the first screen’s scripts and styles arrive brotli-compressed', async ({ page }) => {
  const assets = watchAssets(page);
  await page.goto('/');
  await expect(page.getByTestId('health-status')).toBeAttached();
  const firstScreen = assets.filter((asset) => asset.url.startsWith('/assets/'));
  expect(firstScreen.map((asset) => asset.url.replace(/-[\w-]+\./, '.'))).toEqual(expect.arrayContaining(['/assets/index.js', '/assets/index.css']));
  for (const asset of firstScreen) {
    if ((await asset.response.body()).length < TOO_SMALL_TO_COMPRESS_BYTES) continue;
    expect(asset.encoding, asset.url).toBe('br');
  }
});

test('the interview and the history load their code only when opened', async ({ page }) => {
  const assets = watchAssets(page);
  const loaded = (name: string) => assets.some((asset) => asset.url.startsWith(`/assets/${name}-`));
  await page.goto('/');
  await expect(page.getByTestId('start-interview')).toBeVisible();
  expect([loaded('interview-kit'), loaded('history')]).toEqual([false, false]);

  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-back')).toBeVisible();
  expect([loaded('interview-kit'), loaded('history')]).toEqual([false, true]);

  await startInterview(page, 2);
  await expect(page.getByTestId('question')).not.toBeEmpty({ timeout: 15_000 });
  expect(loaded('interview-kit')).toBe(true);
});

test('the microphone setup loads its code when Settings is first opened', async ({ page }) => {
  const assets = watchAssets(page);
  // Its stylesheet comes with its code (the speech-to-text folder's chunk).
  const micSetupLoaded = () => assets.some((asset) => /^\/assets\/stt-[\w-]+\.css$/.test(asset.url));
  await page.goto('/');
  await expect(page.getByTestId('start-interview')).toBeVisible();
  expect(micSetupLoaded()).toBe(false);
  await openSettings(page);
  await expect(page.getByTestId('stt-review')).toBeAttached();
  expect(micSetupLoaded()).toBe(true);
});

test.describe('a server without RunPod', () => {
  // With RunPod set up, the privacy line gains a sentence once the server has said so (a shift of about 0.006).
  test.use({ serverSpeech: false });

  test('nothing on the first screen moves as it loads, not even when the browser offers installation', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('start-interview')).toBeVisible();
    await expect(page.getByTestId('health-status')).toBeAttached();
    await page.evaluate(() => {
      window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'), { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) }));
    });
    await expect(page.getByTestId('install-app')).toBeVisible();
    expect(await layoutShiftSinceNavigation(page)).toBe(0);
  });
});

/** Every layout shift since navigation (buffered), summed as the browser's Cumulative Layout Shift counts them. */
function layoutShiftSinceNavigation(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) total += entry.value;
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries are delivered in the observer's first callback, queued as it starts observing.
        setTimeout(() => {
          observer.disconnect();
          resolve(total);
        }, 200);
      }),
  );
}

test.describe('when the interview’s code cannot be downloaded', () => {
  test.use({ allowedConsoleErrors: [/ERR_INTERNET_DISCONNECTED/] });

  test('says so, and starts on a second try', async ({ page }) => {
    let refuse = true;
    await page.route(/\/assets\/interview-kit-[\w-]+\.js$/, (route) => (refuse ? route.abort('internetdisconnected') : route.fallback()));
    await startInterview(page, 2);
    await expect(page.getByTestId('load-error')).toHaveText('Part of the app could not be downloaded. Check your connection, then try again.');
    refuse = false;
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('question')).not.toBeEmpty({ timeout: 15_000 });
    await expect(page.getByTestId('load-error')).toHaveCount(0);
  });
});
