// The app shell served by the real proxy: loads under the strict CSP, shows what the proxy offers.
import { expect, test } from './harness/index.ts';

test.describe('served by the proxy with fake upstreams', () => {
  test('loads with its title, security headers and no CSP violation', async ({ page, browserIssues }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("style-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');

    await expect(page).toHaveTitle('xquizit');
    await expect(page.getByRole('heading', { level: 1, name: 'xquizit' })).toBeVisible();
    await expect(page.getByTestId('health-status')).toBeAttached();
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
    expect(browserIssues.cspViolations).toEqual([]);
    expect(browserIssues.errors).toEqual([]);
  });

  test('shows the configured LLM and speech-to-text', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('health-llm')).toHaveText(/^Gemini · gemini-[\w.-]+$/);
    await expect(page.getByTestId('health-stt')).toHaveText('RunPod · or on this device, as chosen in the microphone setup');
    await expect(page.getByTestId('health-auth')).toHaveText(/open/);
    await expect(page.getByTestId('health-auth')).toHaveAttribute('data-state', 'open');
    await expect(page.getByTestId('token-input')).toHaveCount(0);
    await expect(page.getByTestId('token-forget')).toHaveCount(0);
    await expect(page.getByTestId('demo-banner')).toHaveCount(0);
    await expect(page.getByRole('status')).toHaveText('Server status loaded.');
  });

  test('the LLM line names the default model the proxy reports', async ({ page, proxyURL, request }) => {
    const health = (await (await request.get(`${proxyURL}/api/health`)).json()) as { llm: { defaultModel: string } };
    await page.goto('/');
    await expect(page.getByTestId('health-llm')).toHaveText(`Gemini · ${health.llm.defaultModel}`);
  });

  test('fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    await expect(page.getByTestId('health-status')).toBeAttached();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('follows the dark colour scheme', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(page.getByTestId('health-status')).toBeAttached();
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).not.toBe(light);
  });
});

test.describe('proxy without upstream keys', () => {
  test.use({ upstreams: false });

  test('shows the language model as not configured, and spoken answers recognized on this device', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('health-llm')).toHaveText('not configured');
    await expect(page.getByTestId('health-stt')).toHaveText('none on this server · spoken answers are recognized on this device');
  });
});

test.describe('demo mode', () => {
  test.use({ upstreams: false, proxyEnv: { XQUIZIT_DEMO: '1' } });

  test('shows the demo banner', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('demo-banner')).toHaveText('Demo mode: the interviewer is scripted, no API keys are used.');
  });
});

test.describe('a health answer the app does not understand', () => {
  test('is explained instead of shown as a status', async ({ page }) => {
    await page.route('**/api/health', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true}' }));
    await page.goto('/');
    await expect(page.getByTestId('health-error')).toContainText('not one this app understands');
    await expect(page.getByTestId('health-status')).toHaveCount(0);
  });
});
