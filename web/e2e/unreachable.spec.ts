// What the shell says when nothing answers at /api: the origin, a hint, and a working Retry.
import { expect, openSettings, test } from './harness/index.ts';

// Chromium logs every refused or aborted fetch as a console error; here that is the point.
test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_/] });

test('says the server is unreachable when the proxy stops', async ({ page, proxyProcess, proxyURL }) => {
  await page.goto('/');
  await expect(page.getByTestId('health-status')).toBeAttached();
  await proxyProcess.stop();
  await openSettings(page);
  await page.getByTestId('health-refresh').click();
  const message = page.getByTestId('proxy-unreachable');
  await expect(message).toBeVisible();
  await expect(message).toContainText(`Can't reach the xquizit server at ${proxyURL}. Is pnpm start running?`);
  await expect(message.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText("Can't reach the xquizit server.");
});

test('Retry recovers once the server answers again', async ({ page }) => {
  await page.route('**/api/health', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(page.getByTestId('proxy-unreachable')).toBeVisible();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('proxy-unreachable')).toBeVisible();
  await page.unroute('**/api/health');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('health-status')).toBeAttached();
  await expect(page.getByTestId('proxy-unreachable')).toHaveCount(0);
});
