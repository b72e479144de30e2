// The interview room as a candidate meets it: the question and the answer box both on screen when a question arrives
// (a phone upright and sideways, and a laptop), "thinking" while the next one comes, an answer taken back, Ctrl+Enter to send, follow-ups
// counted apart, and focus at every change of screen.
import type { Locator, Page } from '@playwright/test';
import { answer, expect, startInterview, test } from './harness/index.ts';

/** Whether the element's box lies wholly inside the viewport. */
async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

async function expectQuestionAndAnswerOnScreen(page: Page): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('question')).not.toBeEmpty();
  // The room settles after the question lands (one frame); then both must be on screen without the candidate scrolling.
  await expect.poll(async () => [await inViewport(page, page.getByTestId('question')), await inViewport(page, page.getByTestId('answer'))]).toEqual([true, true]);
  expect(await inViewport(page, page.getByTestId('send-answer'))).toBe(true);
  await expect(page.getByTestId('answer')).toBeFocused();
}

/** Where the page rests once the candidate's scroll is over: the same non-zero position on two reads 300 ms apart (a
 * wheel scroll is animated, and on a busy machine the animation can still be under way). */
async function settledScroll(page: Page): Promise<number> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY);
        const settled = now > 0 && now === last;
        last = now;
        return settled;
      },
      { intervals: [300] },
    )
    .toBe(true);
  return last;
}

const LONG_ANSWER =
  'I led the move of our billing service to Kafka over two quarters, wrote the migration plan, ran the dual writes, and we cut failed invoices by half while keeping the on-call load flat.';

for (const viewport of [
  { width: 390, height: 844 },
  // A phone turned sideways: the least height of all.
  { width: 844, height: 390 },
  { width: 1280, height: 800 },
]) {
  test.describe(`at ${String(viewport.width)}×${String(viewport.height)}`, () => {
    test.use({ viewport });

    test('every new question lands with the question and the answer box on screen', async ({ page }) => {
      await startInterview(page, 4);
      await expectQuestionAndAnswerOnScreen(page);
      for (let turn = 0; turn < 2; turn++) {
        // The candidate has scrolled down to read the transcript before answering, and stays there while the clock ticks.
        await page.mouse.wheel(0, 2000);
        const scrolledTo = await settledScroll(page);
        await page.waitForTimeout(2_500);
        expect(await page.evaluate(() => window.scrollY)).toBe(scrolledTo);
        await answer(page, LONG_ANSWER);
        await expect(page.getByTestId('transcript').locator('li')).toHaveCount(3 + turn * 2, { timeout: 15_000 });
        await expectQuestionAndAnswerOnScreen(page);
      }
    });
  });
}

test('the interviewer is seen thinking, and a sent answer can be taken back until the next question streams', async ({ page, gemini }) => {
  await startInterview(page, 5);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  const box = page.getByTestId('answer');

  // A plain Enter is a new line; nothing is sent.
  await box.fill('First line');
  await box.press('Enter');
  await box.pressSequentially('second line');
  await expect(box).toHaveValue('First line\nsecond line');
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(1);
  await expect(page.locator('#answer-hint')).toContainText(/Ctrl\+Enter sends/);

  gemini.enqueue({ kind: 'hang' });
  await box.press('Control+Enter');
  await expect(page.getByTestId('thinking')).toBeVisible();
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(2);
  await page.getByTestId('withdraw-answer').click();

  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer');
  await expect(box).toHaveValue('First line\nsecond line');
  await expect(box).toBeFocused();
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('thinking')).toHaveCount(0);

  // Sent again, the next question comes (the hung call was abandoned) and can no longer be taken back once it streams.
  await box.fill(LONG_ANSWER);
  await box.press('Control+Enter');
  await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 5', { timeout: 15_000 });
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('withdraw-answer')).toHaveCount(0);
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toHaveCount(1);
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toContainText('I led the move');
});

test('a follow-up is marked as one and does not count as a new question', async ({ page }) => {
  await startInterview(page, 6);
  await answer(page, LONG_ANSWER);
  await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 6', { timeout: 15_000 });
  // A short answer: the interviewer digs deeper on the same topic.
  await answer(page, 'We shipped it on time.');
  const status = page.getByTestId('interview-status');
  await expect(status).toContainText('Question 2 of 6 · Follow-up', { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'Follow-up question' })).toBeAttached();
  const followUp = page.getByTestId('transcript').locator('li[data-role="interviewer"]').last();
  await expect(followUp.getByTestId('transcript-topic')).toHaveAttribute('data-kind', 'follow-up');
  await expect(followUp).toContainText('Follow-up');

  await answer(page, LONG_ANSWER);
  await expect(status).toContainText('Question 3 of 6', { timeout: 15_000 });
  await expect(status).not.toContainText('Follow-up');
});

test('focus lands on a named element at the start, when the interview is ended, when it closes and back at the setup', async ({ page }) => {
  await startInterview(page, 5);
  // The Start button is gone: focus is in the room, on its heading until the answer box opens.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toMatch(/^(question-heading|answer)$/);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('answer')).toBeFocused();
  await page.getByTestId('end-interview').click();
  await expect(page.locator('#end-question')).toBeFocused();
  await page.getByTestId('end-interview-confirm').click();
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
  await expect(page.getByRole('heading', { name: 'The interview is over' })).toBeFocused();

  await page.getByTestId('new-interview').click();
  await expect(page.getByRole('heading', { name: 'Your interview', exact: true })).toBeFocused();
});
