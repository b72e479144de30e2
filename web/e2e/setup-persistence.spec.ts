// The setup screen keeps everything on the device: typed text, edits and instructions survive a reload.
import { expect, test } from './harness/index.ts';

test('typed documents and instructions survive a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('resume-text').fill('Jane Doe\nBackend engineer, eight years in payments.');
  await page.getByTestId('jd-text').fill('Senior Backend Engineer at Acme. Go, Kafka, Postgres.');
  await page.getByTestId('instructions').fill('Focus on system design.');
  await expect(page.getByTestId('resume-words')).toHaveText('8 words');
  await page.reload();
  await expect(page.getByTestId('resume-text')).toHaveValue('Jane Doe\nBackend engineer, eight years in payments.');
  await expect(page.getByTestId('jd-text')).toHaveValue('Senior Backend Engineer at Acme. Go, Kafka, Postgres.');
  await expect(page.getByTestId('instructions')).toHaveValue('Focus on system design.');
});

test('an edit made just before leaving is not lost', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('resume-text').fill('Edited at the last second');
  await page.goto('about:blank');
  await page.goto('/');
  await expect(page.getByTestId('resume-text')).toHaveValue('Edited at the last second');
});

test('the setup screen works from the keyboard and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await page.getByTestId('resume-input').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('resume-text')).toBeFocused();
  await page.keyboard.type('Typed with the keyboard');
  await expect(page.getByTestId('resume-words')).toHaveText('4 words');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
