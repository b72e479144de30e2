// A spoken interview to its report: Chromium's fake microphone plays a WAV of known speech (three sentences with
// pauses), the fake RunPod transcribes it as the demo's candidate would, and the report measures the spoken answer:
// its pace against the band (drawn), its pauses, the time before the candidate started, fillers as a floor.
import { demoCandidate, startFakeRunpod } from '../../proxy/test/fakes/index.ts';
import { answer, expect, FAKE_RUNPOD_ENDPOINT, FAKE_RUNPOD_KEY, fakeMicrophoneLaunch, startInterview, test as base } from './harness/index.ts';

const test = base.extend({
  runpod: async ({}, use) => {
    const runpod = await startFakeRunpod({ apiKey: FAKE_RUNPOD_KEY, endpointId: FAKE_RUNPOD_ENDPOINT, respond: demoCandidate });
    await use(runpod);
    await runpod.close();
  },
});

test.use({ launchOptions: fakeMicrophoneLaunch() });

test('a spoken answer is measured on the report: pace against the band, pauses, latency, fillers at least', async ({ page }) => {
  test.setTimeout(90_000);
  await startInterview(page, 2);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('mic-start').click();
  await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 15_000 });
  // The fixture plays once, 15.75 s with its three sentences and pauses; then "Done".
  await page.waitForTimeout(16_000);
  // "Done" sends the spoken answer once its words are in.
  await page.getByTestId('mic-done').click();
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toHaveCount(1, { timeout: 30_000 });
  await answer(page, 'Idempotency keys on every retry, and I replayed the dead letters myself.');
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });

  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 20_000 });
  const spoken = page.getByTestId('report-answer').first();
  await expect(spoken.getByTestId('delivery-wpm')).toHaveAttribute('data-kind', 'spoken');
  await expect(spoken.getByTestId('delivery-wpm')).toHaveText(/^\d+ words a minute/);
  await expect(spoken.getByTestId('delivery-fillers')).toHaveAttribute('data-at-least', 'true');
  await expect(spoken).toContainText(/long pauses? \(2 s or more\), median pause \d/);
  await expect(spoken).toContainText(/\d+(\.\d)? s before you started/);
  await expect(page.getByTestId('report-answer').nth(1).getByTestId('delivery-wpm')).toHaveText('Typed: no pace');

  // The pace picture: the band, one dot for the spoken answer, "typed" for the other.
  const chart = page.getByTestId('pace-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('circle')).toHaveCount(1);
  await expect(chart.locator('rect.band')).toHaveCount(1);
  await expect(chart.locator('desc')).toContainText(/A1: \d+ words a minute, (within|below|above) the band; A2: typed/);
});
