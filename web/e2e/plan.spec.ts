// The interview plan on the setup screen, through the real proxy and the fake Gemini playing the demo interviewer
// (which plans from the documents: requirements from the job description, probes from the resume): made in the
// background with one call, shaped by the candidate (rename, remove, add, reorder), kept across a reload, and followed
// by the interview, question by question, with each topic's probes in the turn's prompt.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { GeminiRequestRecord } from '../../proxy/test/fakes/index.ts';
import { answer, expect, JOB, RESUME, test } from './harness/index.ts';

/** Snapshots made by the interview machine before plans carried requirements and probes. */
const LEGACY_SNAPSHOTS = fileURLToPath(new URL('../src/lib/interview/testdata/legacy-snapshots.json', import.meta.url));

const LONG_ANSWERS = [
  'I have spent eight years on payments backends, most recently leading the move of our billing service to Kafka.',
  'We wrote the new services in Go, with one team owning each service end to end and on-call for it too.',
  'Kafka let us replay failed invoices; the hardest part was ordering, which we solved with one partition per account.',
  'I carried the pager one week in four and wrote the runbooks that cut our time to recover from an hour to minutes.',
  'I asked for the market rate with numbers from three offers and explained what I would deliver in the first year.',
  'I mentor two juniors every week, reviewing their designs before they write code, and both now lead features themselves.',
];

function isAnalysis(record: GeminiRequestRecord): boolean {
  // JSON mode, with the job description in it (the coach's report asks in JSON mode too, without it).
  return (record.body as { generationConfig?: { responseMimeType?: string } }).generationConfig?.responseMimeType === 'application/json' && promptOf(record).includes('<job_description>');
}

function promptOf(record: GeminiRequestRecord): string {
  const body = record.body as { contents: { parts: { text: string }[] }[] };
  return body.contents.flatMap((content) => content.parts.map((part) => part.text)).join('\n');
}

async function topicNames(page: Page): Promise<string[]> {
  return page.getByTestId('plan-topic').getByRole('textbox').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

async function fillDocuments(page: Page, questions: number): Promise<void> {
  await page.goto('/');
  await page.getByTestId('resume-text').fill(RESUME);
  await page.getByTestId('jd-text').fill(JOB);
  await page.getByTestId('max-questions').fill(String(questions));
  await page.getByTestId('max-questions').blur();
}

test('the plan is made in the background, shaped by the candidate, kept across a reload, and followed by the interview', async ({ page, gemini }) => {
  await fillDocuments(page, 6);
  await expect(page.getByTestId('plan-topic')).toHaveCount(5, { timeout: 15_000 });
  expect(await topicNames(page)).toEqual(['Go', 'Kafka', 'Postgres', 'On-call', 'Mentoring']);
  await expect(page.getByTestId('plan-topic').first()).toContainText('The job description asks for “Go”.');
  expect(gemini.requests.filter(isAnalysis)).toHaveLength(1);
  await expect(page.getByTestId('interview-level')).toHaveValue('senior');

  // Rename the first topic, remove the third, add one and move it one place earlier, by keyboard where a person would.
  // Typed key by key: the name is never tidied under the cursor (spaces between words, an empty name while retyping).
  const first = page.getByTestId('plan-topic').first().getByRole('textbox');
  await first.fill('');
  await expect(page.getByTestId('plan-topic')).toHaveCount(5);
  await first.pressSequentially('Go services at scale ');
  await first.press('Enter');
  await expect(first).toHaveValue('Go services at scale');
  await page.getByTestId('plan-topic').nth(2).getByTestId('plan-topic-remove').click();
  await expect(page.getByTestId('plan-announcer')).toHaveText('Postgres removed. 4 topics left.');
  await page.getByTestId('plan-topic-new').fill('Salary negotiation');
  await page.getByTestId('plan-topic-new').press('Enter');
  await expect(page.getByTestId('plan-topic')).toHaveCount(5);
  await page.getByRole('button', { name: 'Move Salary negotiation earlier' }).click();
  await expect(page.getByRole('button', { name: 'Move Salary negotiation earlier' })).toBeFocused();
  const shaped = ['Go services at scale', 'Kafka', 'On-call', 'Salary negotiation', 'Mentoring'];
  expect(await topicNames(page)).toEqual(shaped);
  await page.getByTestId('interview-type').selectOption('behavioural');

  await page.reload();
  await expect(page.getByTestId('plan-topic')).toHaveCount(5, { timeout: 15_000 });
  expect(await topicNames(page)).toEqual(shaped);
  await expect(page.getByTestId('interview-type')).toHaveValue('behavioural');
  // The candidate's plan is theirs: changing the type after shaping it makes no new call.
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'outdated');
  expect(gemini.requests.filter(isAnalysis)).toHaveLength(1);

  await page.getByTestId('start-interview').click();
  await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
  for (const [index, text] of LONG_ANSWERS.entries()) {
    await answer(page, text);
    // The next answer waits for the next question (the answer box still shows the last one for a moment).
    if (index < 5) await expect(page.getByTestId('interview-status')).toContainText(`Question ${String(index + 2)} of 6`, { timeout: 15_000 });
  }
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });

  // No analysis at the start: the interview followed the shaped plan, in its order, with its names.
  expect(gemini.requests.filter(isAnalysis)).toHaveLength(1);
  const questions = await page.getByTestId('transcript').locator('li[data-role="interviewer"] > p').allTextContents();
  expect(questions.slice(1, 6).map((text) => /Let's talk about (.+?)\./.exec(text)?.[1])).toEqual(shaped);
  expect(questions.join(' ')).not.toContain('Postgres');
  expect(questions[1]).toContain('Your resume says: Backend engineer, eight years.');
  expect(questions[4]).toContain('Tell me about a time it came up in your work.');

  const turns = gemini.requests.filter((record) => record.stream).map(promptOf);
  const firstTopic = turns.find((prompt) => prompt.includes('first topic of the plan: Go services at scale.'));
  expect(firstTopic).toContain('<next_topic>\nWhy it matters: The job description asks for “Go”.\nJob requirements: Go\nFrom the resume:\n- Backend engineer, eight years');
  expect(firstTopic).toMatch(/behavioural interview.*STAR.*senior candidate/s);
  const added = turns.find((prompt) => prompt.includes('Next topic in the plan: Salary negotiation.'));
  expect(added).toContain('<next_topic>\nWhy it matters: the candidate asked to be interviewed on it');

  // The transcript shows each question's topic.
  await expect(page.getByTestId('transcript-topic')).toHaveText(shaped);
});

test.describe('when the plan cannot be made in the background', () => {
  // A quota refusal with a long wait is not retried by the client: it reaches the screen at once.
  test.use({ allowedConsoleErrors: [/status of 429/] });

  test('the setup screen says so with a retry, and Start still works by planning at the start', async ({ page, gemini }) => {
    gemini.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 60 });
    await fillDocuments(page, 3);
    await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
    await expect(page.getByTestId('plan-status')).toContainText(/could not be made: .*too many requests.*You can still start/s);
    await page.getByTestId('plan-retry').click();
    await expect(page.getByTestId('plan-topic')).toHaveCount(5, { timeout: 15_000 });

    gemini.enqueue({ kind: 'error', status: 429, retryAfterSeconds: 60 });
    await page.getByTestId('instructions').fill('Focus on Kafka.');
    await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'failed', { timeout: 15_000 });
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
    // The failed one, its retry, the failed one for the new instructions, and the analysis at the start.
    expect(gemini.requests.filter(isAnalysis)).toHaveLength(4);
  });
});

test('the plan editor fits a phone and works by keyboard alone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await fillDocuments(page, 5);
  await expect(page.getByTestId('plan-topic')).toHaveCount(5, { timeout: 15_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('plan-topic').nth(1).getByRole('textbox').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Move Kafka earlier' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-announcer')).toHaveText('Kafka moved to position 1 of 5.');
  expect(await topicNames(page)).toEqual(['Kafka', 'Go', 'Postgres', 'On-call', 'Mentoring']);
});

test('an interview saved before plans had probes (a version-1 export) opens, shows its topics and resumes', async ({ page }) => {
  const saved = JSON.parse(await readFile(LEGACY_SNAPSHOTS, 'utf8')) as { awaiting: { context: Record<string, unknown> } };
  // Saved a few minutes ago, so it is still within its time limit.
  const snapshot = { ...saved.awaiting, context: { ...saved.awaiting.context, startedAt: Date.now() - 5 * 60_000 } };
  const interview = { id: 'legacy-1', createdAt: Date.now() - 6 * 60_000, updatedAt: Date.now() - 60_000, concluded: false, snapshot };
  const file = JSON.stringify({ format: 'xquizit-interview', version: 1, exportedAt: new Date().toISOString(), interview });

  await page.goto('/');
  await page.getByTestId('open-history').click();
  await page.getByTestId('import-json').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('history-notice')).toContainText('Interview imported.');
  await page.getByTestId('history-continue').click();
  await expect(page.getByTestId('interview-status')).toContainText('Topic: On-call');
  await expect(page.getByTestId('transcript-topic')).toHaveText(['Payments', 'Payments', 'On-call']);
  await answer(page, 'I was on call for two years and wrote the runbooks for our payment retries and their alerts.');
  await expect(page.getByTestId('transcript-topic')).toHaveText(['Payments', 'Payments', 'On-call', 'Mentoring'], { timeout: 15_000 });
  await expect(page.getByTestId('question')).toContainText("Let's talk about Mentoring.");
});
