// Walks a candidate through every screen (the first screen as a new visitor sees it, setup and its settings, a question and the voice settings, thinking, the
// transcript, the report, History) and photographs each at 390 and 1280 px wide, in light and dark, into
// web/screenshots/out/. Four main questions; the short answer draws a follow-up, which does not count toward them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { answer, expect, fillSetup, openSettings, test } from '../e2e/harness/index.ts';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');

const ANSWERS = [
  'I spent eight years on payments backends, most recently leading the move of our billing service to Kafka, which cut failed invoices by half.',
  'We shipped it on time.',
  'I would put a timeout and a circuit breaker around the dependency, serve cached answers while it recovers, and page whoever owns it.',
  'Pairing on reviews, and writing down each decision with its reasons so the next person on call has the whole context at hand.',
  'I would measure the error budget first, then agree with the product owner which of the two risks we can live with this quarter.',
];

for (const width of [390, 1280]) {
  for (const scheme of ['light', 'dark'] as const) {
    test.describe(`${String(width)} px, ${scheme}`, () => {
      test.use({ viewport: { width, height: width < 600 ? 844 : 800 }, colorScheme: scheme });

      test('the first screen, as a new visitor sees it, with the browser offering installation', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByTestId('start-interview')).toBeVisible();
        await page.evaluate(() => {
          window.dispatchEvent(Object.assign(new Event('beforeinstallprompt'), { prompt: async () => undefined, userChoice: Promise.resolve({ outcome: 'dismissed' }) }));
        });
        await expect(page.getByTestId('install-app')).toBeVisible();
        await page.screenshot({ path: path.join(OUT, `0-first-screen-${String(width)}-${scheme}.png`) });
      });

      test('every screen', async ({ page, gemini }) => {
        const shot = async (name: string, fullPage = false) => {
          await page.screenshot({ path: path.join(OUT, `${name}-${String(width)}-${scheme}.png`), fullPage });
        };

        await fillSetup(page, 4);
        await expect(page.getByTestId('plan-topic')).not.toHaveCount(0, { timeout: 20_000 });
        await shot('1-setup');
        await shot('1-setup-full', true);
        await openSettings(page);
        await page.getByTestId('stt-review').scrollIntoViewIfNeeded();
        await shot('1-setup-voice');
        await page.getByTestId('max-questions').scrollIntoViewIfNeeded();
        await shot('1-setup-limits');

        await page.getByTestId('start-interview').click();
        await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 20_000 });
        await shot('2-question');
        if (width < 600) {
          // The same phone turned sideways.
          await page.setViewportSize({ width: 844, height: 390 });
          await page.getByTestId('interview-status').evaluate((line) => line.closest('.room')?.scrollIntoView({ block: 'start' }));
          await shot('2-question-landscape');
          await page.setViewportSize({ width, height: 844 });
        }
        const voiceSettings = page.locator('summary', { hasText: 'Voice settings' });
        await voiceSettings.click();
        await page.getByTestId('all-voices').scrollIntoViewIfNeeded();
        await shot('2-voice-settings');
        await voiceSettings.click();

        gemini.enqueue({ kind: 'hang' });
        await page.getByTestId('answer').fill(ANSWERS[0] ?? '');
        await page.getByTestId('answer').press('Control+Enter');
        await expect(page.getByTestId('thinking')).toBeVisible();
        await shot('3-thinking');
        await page.getByTestId('withdraw-answer').click();

        for (const text of ANSWERS) await answer(page, text);
        await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 20_000 });
        await shot('4-closed');
        await page.getByTestId('transcript').scrollIntoViewIfNeeded();
        await shot('5-transcript');

        await page.getByTestId('open-report').click();
        await expect(page.getByTestId('report-overall')).toHaveAttribute('data-settled', 'true', { timeout: 30_000 });
        await scrollTop(page);
        await shot('6-report');
        await shot('6-report-full', true);

        await page.getByRole('button', { name: 'Back to the transcript' }).click();
        await page.getByTestId('new-interview').click();
        await page.getByTestId('open-history').click();
        await expect(page.getByTestId('history-item')).toHaveCount(1);
        await shot('7-history');
      });
    });
  }
}

async function scrollTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}
