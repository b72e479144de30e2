// A whole typed interview through the real proxy and the fake Gemini (playing the demo interviewer):
// documents to closing message, with a reload in the middle and a 503 that is retried.
import { answer, expect, fillSetup, storedInterviews, test } from './harness/index.ts';

test.describe('with a 503 from Gemini', () => {
  // The browser logs the 503 itself; the app retries it.
  test.use({ allowedConsoleErrors: [/status of 503/] });

  test('a full typed interview, reloaded halfway, with a 503 retried', async ({ page, gemini }) => {
    await fillSetup(page, 4);
    await page.getByTestId('start-interview').click();

    const question = page.getByTestId('question');
    await expect(question).toContainText(/thanks for joining/i, { timeout: 15_000 });
    await expect(page.getByTestId('interview-status')).toContainText('Question 1 of 4');

    await answer(page, 'I have spent eight years on payments backends, most recently leading our move to Kafka.');
    await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 4', { timeout: 15_000 });
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    const second = await question.textContent();
    // The reload comes once the committed question is saved (a reload before that re-asks it, which is right but
    // would change the request count below).
    await expect
      .poll(async () => {
        const snapshot = (await storedInterviews(page))[0]?.snapshot as { value: string; context: { transcript: unknown[] } } | undefined;
        return snapshot ? [snapshot.value, snapshot.context.transcript.length] : null;
      })
      .toEqual(['awaitingAnswer', 3]);

    await page.reload();
    await expect(page.getByTestId('question')).toHaveText(second ?? '', { timeout: 15_000 });
    await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 4');
    await expect(page.getByTestId('transcript').locator('li')).toHaveCount(3);

    // The 503 is for the next turn; the report judging the first answer meanwhile is answered as usual.
    gemini.enqueueStreamed({ kind: 'error', status: 503 });
    await answer(page, 'We traced the failures to retries without idempotency keys, added them, and replayed the dead letters.');
    await expect(page.getByTestId('interview-status')).toContainText('Question 3 of 4', { timeout: 20_000 });
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    expect(gemini.requests.filter((r) => r.stream)).toHaveLength(4);

    await answer(page, 'I would add a timeout and a circuit breaker, and serve cached answers while it recovers.');
    await expect(page.getByTestId('interview-status')).toContainText('Question 4 of 4', { timeout: 15_000 });
    await answer(page, 'Pairing on reviews, and writing down decisions so the next person has the context.');

    await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
    await expect(question).toContainText(/thank/i);
    const transcript = page.getByTestId('transcript').locator('li');
    await expect(transcript).toHaveCount(9);
    await expect(transcript.last()).toHaveAttribute('data-role', 'interviewer');
  });
});

test('ending early asks for confirmation, then closes properly', async ({ page }) => {
  await fillSetup(page, 10);
  await page.getByTestId('start-interview').click();
  await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
  await page.getByTestId('end-interview').click();
  await page.getByTestId('end-interview-confirm').click();
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
  await expect(page.getByTestId('transcript').locator('li').last()).toHaveAttribute('data-role', 'interviewer');
});

test('an unsent answer draft survives a reload', async ({ page }) => {
  await fillSetup(page, 5);
  await page.getByTestId('start-interview').click();
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('answer').fill('Half of my answer');
  await page.getByTestId('answer').pressSequentially(', not sent yet');
  await page.reload();
  await expect(page.getByTestId('answer')).toHaveValue('Half of my answer, not sent yet', { timeout: 15_000 });
});

test.describe('with no plan made in the background', () => {
  // A quota refusal with a long wait is not retried: the background plan fails, so Start analyses the documents.
  test.use({ allowedConsoleErrors: [/status of 429/] });

  test('a reload while the documents are analysed picks the analysis up again', async ({ page, gemini }) => {
    gemini.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 60 });
    await fillSetup(page, 5);
    await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
    const plan = JSON.stringify({ strategy: 'Probe payments depth.', topics: ['Payments', 'On-call', 'Mentoring'] });
    // The reply waits long enough for the reload to meet the analysis under way, however slowly a busy machine opens the room.
    gemini.enqueue({ kind: 'text', text: plan, delayMs: 8000 });
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'analyzing');
    await page.reload();
    await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
    await expect(page.getByTestId('transcript').locator('li')).toHaveCount(1);
  });
});

test('when the model keeps refusing, the error is shown with a retry that works', async ({ page, gemini }) => {
  await fillSetup(page, 5);
  await page.getByTestId('start-interview').click();
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  for (let i = 0; i < 3; i++) gemini.enqueue({ kind: 'fixture', name: 'streaming-failure-finish-reason-safety' });
  await page.getByTestId('answer').fill('An answer the model refuses to follow.');
  await page.getByTestId('answer').press('Control+Enter');
  await expect(page.getByTestId('interview-error')).toContainText(/safety/i, { timeout: 20_000 });
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('leave-interview')).toBeVisible();
  await page.getByTestId('retry').click();
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 5');
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(3);
});

test('a failed interview is never a dead end: back to the start, and it waits in the history', async ({ page, gemini }) => {
  await fillSetup(page, 5);
  await page.getByTestId('start-interview').click();
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  for (let i = 0; i < 3; i++) gemini.enqueue({ kind: 'fixture', name: 'streaming-failure-finish-reason-safety' });
  await answer(page, 'An answer the model refuses to follow.');
  await page.getByTestId('leave-interview').click({ timeout: 20_000 });
  await expect(page.getByTestId('start-interview')).toBeVisible();
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-item')).toHaveCount(1);
  await expect(page.getByTestId('history-status')).toHaveText('Stopped by an error');
});

test.describe('with the model refusing a request', () => {
  // The browser logs the 400 itself; the app shows it as the interview's error.
  test.use({ allowedConsoleErrors: [/status of 400/] });

  test('an interview stopped by an error is not reopened on the next visit; the history continues it', async ({ page, gemini }) => {
    await fillSetup(page, 5);
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    gemini.enqueue({ kind: 'error', status: 400, message: 'Request contains an invalid argument.' });
    await answer(page, 'An answer whose next question fails.');
    await expect(page.getByTestId('interview-error')).toBeVisible({ timeout: 20_000 });
    await page.reload();
    // The setup screen, not the failed interview, once the app has looked for one to reopen.
    await expect(page.getByTestId('start-interview')).toBeVisible();
    await expect(page.getByTestId('interview-error')).toHaveCount(0);
    await page.getByTestId('open-history').click();
    await expect(page.getByTestId('history-status')).toHaveText('Stopped by an error');
    await page.getByTestId('history-continue').click();
    await expect(page.getByTestId('interview-error')).toBeVisible();
    await page.getByTestId('retry').click();
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 5');
  });
});
