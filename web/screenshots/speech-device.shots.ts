// Photographs the answer area once the speech model on this device is ready (no RunPod on the server), at 390 and
// 1280 px wide, light and dark, into web/screenshots/out/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, fakeMicrophoneLaunch, startInterview, test } from '../e2e/harness/index.ts';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

// No RunPod on the server: this device recognizes the answer.
test.use({ serverSpeech: false, launchOptions: fakeMicrophoneLaunch() });

for (const width of [390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${String(width)} px, ${scheme}`, () => {
      test.use({ viewport: { width, height: width < 600 ? 844 : 800 }, colorScheme: scheme });

      test('the speech model on this device, ready', async ({ page }) => {
        await page.goto('/');
        await startInterview(page, 3);
        await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
        await page.getByTestId('mic-start').click();
        await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
        await page.getByTestId('stt-model-status').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(OUT, `10-device-model-ready-${String(width)}-${scheme}.png`) });
      });
    });
  }
}
