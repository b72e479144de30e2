// axe-core over the main screens (setup and its open Settings, a running interview, the interviewer thinking, history, a
// concluded interview): no serious or critical violations.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { answer, expect, openSettings, startInterview, test } from './harness/index.ts';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // Proves axe really examined the page (an empty page would have no violations either).
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`setup, interview and history screens have no serious violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByTestId('resume-text')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await startInterview(page, 2);
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await answer(page, 'I have led payments work for years.');
    await answer(page, 'We cut failed invoices by half with idempotency keys.');
    await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('open-history').click();
    await expect(page.getByTestId('history-list')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the open Settings and the interviewer thinking have no serious violations (${scheme})`, async ({ page, gemini }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await openSettings(page);
    await expect(page.getByTestId('health-status')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await startInterview(page, 3);
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    gemini.enqueue({ kind: 'hang' });
    await page.getByTestId('answer').fill('I have led payments work for years.');
    await page.getByTestId('answer').press('Control+Enter');
    await expect(page.getByTestId('withdraw-answer')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}
