// The first screen a candidate meets: what xquizit does, where their words go (by the configured provider), the two
// documents first and Start before the folded Settings (the server's status and the microphone).
import { expect, fillSetup, openSettings, test } from './harness/index.ts';

test('says where the documents and answers go, and folds the server and the microphone away below Start', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'xquizit' })).toBeVisible();
  await expect(page.locator('.tagline')).toContainText('Practise a job interview out loud');
  await expect(page.getByTestId('privacy-line')).toHaveText(
    'Your resume, the job description and your answers go to Gemini (Google’s language model) through this server; nothing else leaves this device. Spoken answers transcribed by this server go to RunPod.',
  );

  await expect(page.getByTestId('health-status')).toBeHidden();
  await expect(page.getByTestId('mic-test')).toBeHidden();
  const order = await page.evaluate(() => {
    const at = (id: string) => [...document.querySelectorAll('[data-testid]')].findIndex((element) => element.getAttribute('data-testid') === id);
    return { resume: at('resume-text'), jd: at('jd-text'), start: at('start-interview'), settings: at('settings') };
  });
  expect(order.resume).toBeLessThan(order.jd);
  expect(order.jd).toBeLessThan(order.start);
  expect(order.start).toBeLessThan(order.settings);

  await openSettings(page);
  await expect(page.getByTestId('health-status')).toBeVisible();
  await expect(page.getByTestId('health-llm')).toHaveText(/^Gemini · /);
});

test('with both documents in and the plan shown, Start is one step away', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await fillSetup(page, 4);
  await expect(page.getByTestId('plan-topic')).not.toHaveCount(0, { timeout: 20_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('go-to-start').click();
  await expect(page.getByRole('heading', { name: 'Start the interview' })).toBeFocused();
  await expect(page.getByTestId('start-interview')).toBeInViewport();
});

test.describe('with the candidate’s own model server', () => {
  test.use({ llm: ['openai'] });

  test('names the own model server, not Gemini', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('privacy-line')).toContainText('go to your own model server (OpenAI-compatible) through this server; nothing else leaves this device.');
    await expect(page.getByTestId('privacy-line')).not.toContainText('Gemini');
  });
});

test.describe('a server that needs an access token', () => {
  test.use({ proxyEnv: { PROXY_TOKENS: 'secret-1' } });

  test('opens Settings by itself, where the server’s status is', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('settings')).toHaveAttribute('open', '');
    await expect(page.getByTestId('health-status')).toBeVisible();
  });
});
