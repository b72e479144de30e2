// The interview's time limit in the real page, its clock sped up with Playwright's fake clock: the time left is
// shown, five minutes before the end it warns (on screen and for screen readers), and at the limit the candidate
// gets a short grace to finish: what they typed is taken as their answer, then the interviewer closes.
import { expect, fillSetup, test } from './harness/index.ts';

test('shows the time left, warns five minutes before the end, and at the limit takes the typed answer after a grace', async ({ page }) => {
  await page.clock.install();
  await fillSetup(page, 10);
  await page.getByTestId('max-minutes').fill('6');
  await page.getByTestId('max-minutes').blur();
  await page.getByTestId('start-interview').click();
  const status = page.getByTestId('interview-status');
  await expect(status).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });

  const timeLeft = page.getByTestId('time-left');
  await expect(timeLeft).toHaveText(/^[56]:\d\d left$/);
  await expect(timeLeft).toHaveAttribute('data-stage', 'running');
  await expect(page.getByTestId('time-announcement')).toHaveText('');

  await page.clock.fastForward('01:05');
  await expect(timeLeft).toHaveAttribute('data-stage', 'warning');
  await expect(timeLeft).toHaveText(/^4:\d\d left$/);
  await expect(page.getByTestId('time-announcement')).toHaveText('Five minutes left in this interview.');

  await page.getByTestId('answer').fill('I would start from the data model');
  await page.clock.fastForward('05:00');
  await expect(timeLeft).toHaveAttribute('data-stage', 'overtime');
  await expect(timeLeft).toContainText('Time is up. Finish your sentence or send your answer');
  await expect(page.getByTestId('time-announcement')).toHaveText('Time is up. Finish your sentence; the interview then closes.');
  // Still answering within the grace.
  await expect(status).toHaveAttribute('data-phase', 'awaiting-answer');
  await page.getByTestId('answer').fill('I would start from the data model, then the write path.');

  await page.clock.fastForward('00:25');
  await expect(status).toContainText(/concluded/i, { timeout: 15_000 });
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('transcript')).toContainText('I would start from the data model, then the write path.');
  await expect(timeLeft).toHaveCount(0);
});
