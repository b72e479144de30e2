// A candidate whose browser refuses the microphone: the setup panel and the answer area say how to allow it,
// and typed answers keep working. Chromium without its fake-UI flag turns the permission prompt down.
import { expect, fakeMicrophoneLaunch, openSettings, startInterview, test } from './harness/index.ts';

// A fake microphone exists, but without --use-fake-ui-for-media-stream nobody grants access to it.
test.use({ launchOptions: fakeMicrophoneLaunch({ granted: false }) });

test('a denied microphone is explained in setup and in the answer area, and typing still works', async ({ page, context }) => {
  await context.grantPermissions([]);
  await page.goto('/');
  await openSettings(page);
  await page.getByTestId('mic-test').click();
  await expect(page.getByTestId('mic-setup-error')).toContainText(/not letting xquizit use your microphone.*address bar/);

  await startInterview(page, 3);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('mic-start').click();
  const error = page.getByTestId('mic-error');
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText(/allow it.*keep typing your answers/);
  await expect(page.getByTestId('mic-start')).toBeVisible();

  await page.getByTestId('answer').fill('I would rather type: eight years of payments backends.');
  await page.getByTestId('answer').press('Control+Enter');
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toHaveText(/rather type/);
});
