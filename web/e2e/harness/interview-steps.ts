// Steps the interview, history and accessibility specs share: fill the setup screen, start, answer, run a short interview.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** A resume short enough to type. */
export const RESUME = 'Jane Doe. Backend engineer, eight years. Led the move of a billing service to Kafka; cut failed invoices by half.';
/** A job description whose first line names the role and the company. */
export const JOB = 'Senior Backend Engineer at Acme Pay. Go, Kafka, Postgres; on-call; mentoring.';

/** Opens the app and fills both documents and the question limit. */
export async function fillSetup(page: Page, questions: number): Promise<void> {
  await page.goto('/');
  await page.getByTestId('resume-text').fill(RESUME);
  await page.getByTestId('jd-text').fill(JOB);
  await page.getByTestId('max-questions').fill(String(questions));
  await page.getByTestId('max-questions').blur();
}

/** Fills the setup screen and starts the interview. */
export async function startInterview(page: Page, questions: number): Promise<void> {
  await fillSetup(page, questions);
  await page.getByTestId('start-interview').click();
}

/** Waits until an answer is expected, then types and sends it with Ctrl+Enter (a plain Enter is a new line). */
export async function answer(page: Page, text: string): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('answer').fill(text);
  await page.getByTestId('answer').press('Control+Enter');
}

/** A two-question interview, typed, to its closing message. */
export async function runShortInterview(page: Page): Promise<void> {
  await startInterview(page, 2);
  await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka.');
  await answer(page, 'Idempotency keys on every retry, and replaying the dead letters.');
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
}

/** Opens the setup screen's folded Settings (the server's status, the microphone) if it is closed. */
export async function openSettings(page: Page): Promise<void> {
  const settings = page.getByTestId('settings');
  if ((await settings.getAttribute('open')) === null) await settings.locator('summary').click();
  await expect(settings).toHaveAttribute('open', '');
}
