// Photographs the microphone setup's engine choice (this server has RunPod) and the download question on a metered
// connection, at 390 and 1280 px wide, light and dark, into web/screenshots/out/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openSettings, startInterview, test } from '../e2e/harness/index.ts';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

for (const width of [390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${String(width)} px, ${scheme}`, () => {
      test.use({ viewport: { width, height: width < 600 ? 844 : 800 }, colorScheme: scheme, interviewerVoice: 'kokoro' });

      test('engine choice and download question', async ({ page }) => {
        await page.addInitScript(() => {
          Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true }) });
        });
        await page.goto('/');
        await openSettings(page);
        const choice = page.getByTestId('stt-engine-choice');
        await choice.getByRole('radio', { name: /On this device/ }).check();
        await choice.scrollIntoViewIfNeeded();
        await page.locator('#voice-heading').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(OUT, `8-engine-choice-${String(width)}-${scheme}.png`) });

        await startInterview(page, 3);
        await expect(page.getByTestId('download-confirm')).toBeVisible({ timeout: 20_000 });
        await page.screenshot({ path: path.join(OUT, `9-download-question-${String(width)}-${scheme}.png`) });
      });
    });
  }
}
