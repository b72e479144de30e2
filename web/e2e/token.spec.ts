// The access-token prompt against a proxy started with PROXY_TOKENS.
import { expect, openSettings, test } from './harness/index.ts';

const TOKEN_KEY = 'xquizit:access-token';

test.use({ proxyEnv: { PROXY_TOKENS: 'secret-1,secret-2' } });

test('asks for a token, rejects a wrong one, keeps the right one across reloads, forgets it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'missing');
  const input = page.getByTestId('token-input');
  await expect(input).toHaveAttribute('type', 'password');
  await expect(page.getByLabel('Access token', { exact: true })).toBeVisible();
  await expect(page.getByTestId('token-forget')).toHaveCount(0);

  await input.fill('wrong-token');
  await page.getByTestId('token-save').click();
  await expect(page.getByTestId('token-error')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull();

  await input.fill('secret-1');
  await page.getByTestId('token-save').click();
  await expect(page.getByTestId('token-input')).toHaveCount(0);
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'accepted');
  await expect(page.getByRole('status')).toHaveText('Token saved. Access granted.');
  expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBe('secret-1');

  await page.reload();
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'accepted');
  await expect(page.getByTestId('token-input')).toHaveCount(0);

  // Nothing needs the candidate now, so the server's status is folded away under Settings.
  await expect(page.getByTestId('settings')).not.toHaveAttribute('open', '');
  await openSettings(page);
  await page.getByTestId('token-forget').click();
  await expect(page.getByTestId('token-input')).toBeVisible();
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'missing');
  await expect(page.getByTestId('token-forget')).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), TOKEN_KEY)).toBeNull();
});

test('the saved token is sent with API calls', async ({ page, proxyURL }) => {
  await page.goto('/');
  await page.getByTestId('token-input').fill('secret-2');
  await page.getByTestId('token-save').click();
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'accepted');
  const [request] = await Promise.all([page.waitForRequest(`${proxyURL}/api/health`), page.reload()]);
  expect(request.headers()['authorization']).toBe('Bearer secret-2');
});

test('a saved token the proxy no longer accepts asks for a new one', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, 'revoked-token'), TOKEN_KEY);
  await page.goto('/');
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'rejected');
  await expect(page.getByTestId('token-input')).toBeVisible();
  await expect(page.getByTestId('token-forget')).toBeVisible();
});

test('works from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  await page.getByTestId('token-input').focus();
  await page.keyboard.type('secret-1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'accepted');
});

test('moves focus to what replaced the control that had it', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('token-input').fill('secret-1');
  await page.getByTestId('token-save').click();
  await expect(page.getByRole('heading', { name: 'Server' })).toBeFocused();
  await page.getByTestId('token-forget').click();
  await expect(page.getByTestId('token-input')).toBeFocused();
});
