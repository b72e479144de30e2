// The interview history: a finished interview listed with role and company, exported (JSON and Markdown), deleted,
// imported back with the same transcript, renamed; bad files refused with nothing changed; an unfinished one continued.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { answer, expect, runShortInterview, startInterview, storedInterviews, test } from './harness/index.ts';

/** An interview ended at once (quick), concluded. */
async function runEndedInterview(page: Page): Promise<void> {
  await startInterview(page, 5);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('end-interview').click();
  await page.getByTestId('end-interview-confirm').click();
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
}

async function openHistory(page: Page): Promise<void> {
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('history-heading')).toBeFocused();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a finished interview: listed, exported, deleted, imported back, renamed', async ({ page }) => {
  await runShortInterview(page);
  const transcript = await page.getByTestId('transcript').locator('li p').allTextContents();
  expect(transcript).toHaveLength(5);

  await openHistory(page);
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(1);
  await expect(items.first().getByTestId('history-title')).toHaveText('Senior Backend Engineer at Acme Pay');
  await expect(items.first().getByTestId('history-role')).toHaveText('Senior Backend Engineer · Acme Pay');
  await expect(items.first().getByTestId('history-status')).toHaveText('Concluded');
  await expect(items.first().getByTestId('history-answered')).toHaveText('2 questions answered');

  const json = await download(page, () => items.first().getByTestId('export-json').click());
  expect(json.name).toMatch(/^xquizit-senior-backend-engineer-at-acme-pay-\d{4}-\d{2}-\d{2}\.json$/);
  const envelope = JSON.parse(json.text) as {
    format: string;
    version: number;
    interview: { id: string; snapshot: { context: { transcript: { text: string }[]; plan: { topics: { name: string; probes: string[] }[] } } } };
  };
  expect(envelope).toMatchObject({ format: 'xquizit-interview', version: 3 });
  expect(envelope.interview.snapshot.context.transcript.map((entry) => entry.text)).toEqual(transcript);
  expect(envelope.interview.snapshot.context.plan.topics[0]).toMatchObject({ name: 'Go', probes: ['Backend engineer, eight years', 'Led the move of a billing service to Kafka'] });

  const markdown = await download(page, () => items.first().getByTestId('export-markdown').click());
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toMatch(/^# Senior Backend Engineer at Acme Pay\n/);
  expect(markdown.text).toContain('- **Company:** Acme Pay');
  expect(markdown.text).toContain('## Plan\n\n- **Interview type:** Mixed\n- **Level:** Senior\n- **Job requirements:** Go; Kafka; Postgres; on-call; mentoring');
  expect(markdown.text).toMatch(/### Question 2 · \d\d:\d\d:\d\d · Go\n/);
  expect(markdown.text).toMatch(/### Question 1 · \d\d:\d\d:\d\d/);
  expect(markdown.text).toContain(`> ${transcript[1]}`);

  // Reading it: the whole transcript with times, and the print view's button.
  await items.first().getByTestId('history-open').click();
  await expect(page.getByTestId('reader-heading')).toBeFocused();
  await expect(page.getByTestId('transcript').locator('li p')).toHaveText(transcript);
  await expect(page.getByTestId('transcript').locator('time')).toHaveCount(5);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print')).toBeHidden();
  await expect(page.getByTestId('transcript')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('reader-back').click();
  await expect(page.getByTestId('history-heading')).toBeFocused();

  await items.first().getByTestId('history-delete').click();
  await page.getByTestId('delete-confirm').click();
  await expect(items).toHaveCount(0);
  await expect(page.getByTestId('history-empty')).toBeVisible();
  expect(await storedInterviews(page)).toEqual([]);

  await page.getByTestId('import-json').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await expect(page.getByTestId('history-notice')).toHaveText('Interview imported.');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAttribute('data-id', envelope.interview.id);
  await items.first().getByTestId('history-open').click();
  await expect(page.getByTestId('transcript').locator('li p')).toHaveText(transcript);
  await page.getByTestId('reader-back').click();

  await items.first().getByTestId('history-rename').click();
  await page.getByTestId('rename-input').fill('Acme, first try');
  await page.getByTestId('rename-input').press('Enter');
  await expect(items.first().getByTestId('history-title')).toHaveText('Acme, first try');
  await expect(items.first().getByTestId('history-rename')).toBeFocused();
  await page.reload();
  await openHistory(page);
  await expect(items.first().getByTestId('history-title')).toHaveText('Acme, first try');
  await expect(items.first().getByTestId('history-role')).toHaveText('Senior Backend Engineer · Acme Pay');
});

test.describe('with the voice model loaded', () => {
  // "Free space" needs something the app downloaded: the interviewer's voice model.
  test.use({ interviewerVoice: 'kokoro' });

  test('a corrupt file and a foreign JSON are refused in plain words, nothing changes; storage; delete all', async ({ page }) => {
    await runEndedInterview(page);
    await openHistory(page);
    const items = page.getByTestId('history-item');
    await expect(items).toHaveCount(1);
    // Ended at the first question: the question left unanswered does not count.
    await expect(items.first().getByTestId('history-answered')).toHaveText('0 questions answered');
    await expect(page.getByTestId('import-button')).toBeVisible();
    const before = await storedInterviews(page);

    const notice = page.getByTestId('history-notice');
    await page.getByTestId('import-json').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"xquizit-interview","ver') });
    await expect(notice).toContainText('not valid JSON');
    await expect(notice).toHaveAttribute('data-kind', 'error');
    await page.getByTestId('import-json').setInputFiles({ name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"left-pad","version":"1.3.0"}') });
    await expect(notice).toContainText('not an xquizit interview export');
    await page
      .getByTestId('import-json')
      .setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"xquizit-interview","version":9,"interview":{}}') });
    await expect(notice).toContainText('newer version of xquizit');

    await expect(items).toHaveCount(1);
    expect(await storedInterviews(page)).toEqual(before);

    await items.first().getByTestId('history-delete').click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect(items).toHaveCount(1);
    await expect(page.getByTestId('storage-usage')).toContainText(/uses .* of the .* this browser allows it/);
    // The interview loaded the voice model (kept by transformers.js in Cache Storage): freeing removes it, once.
    await page.getByTestId('free-space').click();
    await expect(page.getByTestId('free-space-result')).toContainText(/Freed \d+ cached downloads? \(.*transformers-cache.*\)/);
    expect((await page.evaluate(() => caches.keys())).filter((name) => !name.startsWith('workbox-precache'))).toEqual([]);
    await page.getByTestId('free-space').click();
    await expect(page.getByTestId('free-space-result')).toContainText('Nothing to free');

    await page.getByTestId('delete-all').click();
    await page.getByTestId('delete-all-confirm').click();
    await expect(items).toHaveCount(0);
  });
});

test('an unfinished interview is continued from the history', async ({ page }) => {
  await startInterview(page, 2);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('open-history')).toHaveCount(0);
  const [unfinished] = await storedInterviews(page);
  const exported = JSON.stringify({ format: 'xquizit-interview', version: 1, exportedAt: new Date().toISOString(), interview: unfinished });

  await page.getByTestId('end-interview').click();
  await page.getByTestId('end-interview-confirm').click();
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
  await openHistory(page);

  // Same id as the concluded one: it comes in as a copy under a new id.
  await page.getByTestId('import-json').setInputFiles({ name: 'unfinished.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('history-notice')).toContainText('as a copy');
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(2);
  const inProgress = items.filter({ has: page.getByTestId('history-status').filter({ hasText: 'In progress' }) });
  await expect(inProgress).toHaveCount(1);
  await expect(items.filter({ has: page.getByTestId('history-continue') })).toHaveCount(1);

  await inProgress.getByTestId('history-continue').click();
  await expect(page.getByTestId('interview-status')).toContainText('Question 1 of 2');
  await expect(page.getByRole('heading', { name: 'Current question' })).toBeFocused();
  await answer(page, 'Eight years on payments backends.');
  await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 2', { timeout: 15_000 });
  await expect(page.getByTestId('transcript').locator('li')).toHaveCount(3);
});
