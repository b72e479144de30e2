// The coach's report in the browser, against the real proxy and the fake Gemini: a typed interview to its report
// (measured at once, judged in the background, complete after the closing), a model inventing quotes that never
// reach the screen, a reload while the report is being made, a model that is down and comes back, export and
// import keeping the report, the pictures, "Practise these", and no serious accessibility problems, light and dark.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoInterviewer, startFakeGemini, type GeminiReply, type GeminiRequestRecord } from '../../proxy/test/fakes/index.ts';
import { answer, expect, FAKE_GEMINI_KEY, runShortInterview, startInterview, test as base } from './harness/index.ts';

/** How the fake Gemini treats the report's requests in a spec. */
interface Coach {
  /** null: the demo's plausible coach. */
  override: ((record: GeminiRequestRecord) => GeminiReply | null) | null;
  /** The answer labels of the judgement requests received, in order. */
  judged: string[];
}

function promptOf(record: GeminiRequestRecord): string {
  const body = record.body as { contents?: { parts?: { text?: string }[] }[] } | undefined;
  return (body?.contents ?? []).flatMap((content) => content.parts ?? []).map((part) => part.text ?? '').join('\n');
}

const test = base.extend<{ coach: Coach }>({
  coach: async ({}, use) => {
    await use({ override: null, judged: [] });
  },
  gemini: async ({ coach }, use) => {
    const gemini = await startFakeGemini({
      apiKey: FAKE_GEMINI_KEY,
      respond: (record) => {
        const label = /<answer_to_judge label="([^"]+)">/.exec(promptOf(record))?.[1];
        if (label) coach.judged.push(label);
        const isReport = /<answer_to_judge|<answer_to_rewrite|<interview_summary>/.test(promptOf(record));
        return (isReport ? coach.override?.(record) : null) ?? demoInterviewer(record);
      },
    });
    await use(gemini);
    await gemini.close();
  },
});

// A whole interview, then its report: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 60_000 });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.passes.length).toBeGreaterThan(10);
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function candidateAnswers(page: Page): Promise<string[]> {
  return page.getByTestId('transcript').locator('li[data-role="candidate"] p').allTextContents();
}

/** Every quote on the report is a piece of one of the candidate's answers. */
async function expectQuotesFromAnswers(page: Page, answers: readonly string[]): Promise<void> {
  for (const quote of await page.getByTestId('evidence-quote').allTextContents()) {
    expect(answers.some((text) => text.includes(quote)), `“${quote}” is the candidate's own words`).toBe(true);
  }
}

async function openReport(page: Page): Promise<void> {
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.locator('#report-heading')).toBeFocused();
}

test('a typed interview to its report: measured at once, judged and complete, every quote the candidate\'s, practise these', async ({ page, coach }) => {
  await runShortInterview(page);
  const answers = await candidateAnswers(page);
  await openReport(page);
  const report = page.getByTestId('report');
  await expect(report).toHaveAttribute('data-complete', 'true', { timeout: 15_000 });

  await expect(page.getByTestId('report-answer')).toHaveCount(2);
  await expect(page.getByTestId('delivery-wpm')).toHaveText(['Typed: no pace', 'Typed: no pace']);
  await expect(page.getByTestId('delivery-fillers').first()).toHaveText(/^\d+ fillers?/);
  await expect(page.getByTestId('delivery-fillers').first()).toHaveAttribute('data-at-least', 'false');
  await expect(page.getByTestId('report-overall')).toHaveAttribute('data-settled', 'true');
  await expect(page.getByTestId('overall-score')).toHaveText(/^[1-5](\.\d)?$/);
  const requirements = page.getByTestId('jd-requirement');
  await expect(requirements).toHaveCount(5);
  for (const status of await requirements.evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))) {
    expect(['demonstrated', 'mentioned', 'not-reached']).toContain(status);
  }
  expect(await page.getByTestId('evidence-quote').count()).toBeGreaterThan(3);
  await expectQuotesFromAnswers(page, answers);
  await expect(page.getByTestId('report-unavailable')).toHaveCount(0);
  // Each answer was judged once.
  expect(coach.judged).toEqual(['A1', 'A2']);

  // The pictures: no pace for typed answers, the rubric grid with a cell per checked score.
  await expect(page.getByTestId('pace-chart')).toHaveCount(0);
  const rubric = page.getByTestId('rubric-chart');
  await expect(rubric).toBeVisible();
  expect(await rubric.locator('rect.score').count()).toBeGreaterThan(4);
  await expect(rubric.locator('desc')).toContainText('A1: Relevance');

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }

  // Practise these: a new interview on the same documents, the drills in the instructions, ready to edit.
  await page.getByTestId('practise-these').click();
  const instructions = page.getByTestId('instructions');
  await expect(instructions).toBeFocused();
  await expect(instructions).toHaveValue(/^Practice focus from my last report.*\n1\. Finish with the result: /);
  await expect(page.getByTestId('resume-text')).not.toHaveValue('');
});

test.describe('with a model that scores 5 and invents its quotes', () => {
  test('nothing it invented reaches the screen: not enough evidence, no strengths, no overall score', async ({ page, coach }) => {
    coach.override = (record) => {
      const prompt = promptOf(record);
      const label = /<answer_to_judge label="([^"]+)">/.exec(prompt)?.[1];
      if (!label) return null;
      const invented = { reason: 'Outstanding, you said "I tripled revenue at Google".', quote: 'I tripled revenue at Google in a week', score: 5 };
      const reply = {
        turn: label,
        relevance: invented,
        specificity: invented,
        structure: invented,
        ownership: invented,
        impact: invented,
        technicalDepth: { applies: false, reason: '', quote: '', score: 1 },
        star: { applies: true, situation: 'I tripled revenue at Google in a week', task: '', action: '', result: 'everyone was promoted twice' },
        strengths: [{ point: 'World class.', quote: 'I tripled revenue at Google in a week' }],
        improvements: [],
        requirements: [{ requirement: 1, status: 'demonstrated', quote: 'I tripled revenue at Google in a week' }],
      };
      return { kind: 'text', text: JSON.stringify(reply), chunks: 1 };
    };
    await runShortInterview(page);
    await openReport(page);
    await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 15_000 });
    await expect(page.getByTestId('report-overall')).toContainText('Not enough evidence');
    await expect(page.getByTestId('overall-score')).toHaveCount(0);
    await expect(page.getByTestId('report-answer').first()).toContainText('not enough evidence');
    await expect(page.getByTestId('report')).not.toContainText('tripled');
    await expect(page.getByTestId('report')).not.toContainText('World class');
    await expect(page.getByTestId('jd-requirement').first()).toHaveAttribute('data-status', 'not-reached');
    await expect(page.getByTestId('report-answer').first()).toContainText(/quotes the AI gave could not be found in your answer/);
  });
});

test('a reload while the report is being made resumes it; each answer judged to the end once', async ({ page, coach }) => {
  // Judgements take a while, as a real model's do.
  coach.override = (record) => ({ ...(demoInterviewer(record) as Extract<GeminiReply, { kind: 'text' }>), delayMs: 1500 });
  await startInterview(page, 3);
  await answer(page, 'I have led payments work for eight years, most recently the move of our billing service to Kafka.');
  await answer(page, 'We used idempotency keys on every retry, and I replayed the dead letters by hand for a week.');
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  // A1's judgement may be done or in flight; reload now, in the middle of the interview.
  await page.reload();
  await answer(page, 'I mentor two engineers and I run our incident reviews every month.');
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
  const answers = await candidateAnswers(page);
  await openReport(page);
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('report-answer')).toHaveCount(3);
  await expectQuotesFromAnswers(page, answers);
  // A call cut off by the reload is asked again; none is asked after its judgement was stored.
  expect(coach.judged.filter((label) => label === 'A3')).toEqual(['A3']);
  expect(coach.judged.filter((label) => label === 'A1').length).toBeLessThanOrEqual(2);

  // A reload after the closing, with the report half made: History opens it and it finishes there.
  coach.judged.length = 0;
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('xquizit');
      request.onsuccess = () => resolve(request.result);
    });
    const store = db.transaction('reports', 'readwrite').objectStore('reports');
    const record = await new Promise<{ answers: Record<string, unknown>; practice: unknown }>((resolve) => {
      const request = store.getAll();
      request.onsuccess = () => resolve((request.result as never[])[0]!);
    });
    const ids = Object.keys(record.answers);
    record.answers[ids[1]!] = { status: 'pending' };
    record.practice = { status: 'pending' };
    await new Promise((resolve) => (db.transaction('reports', 'readwrite').objectStore('reports').put(record).onsuccess = resolve));
    db.close();
  });
  await page.reload();
  await page.getByTestId('open-history').click();
  await page.getByTestId('history-report').first().click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 30_000 });
  expect(coach.judged).toEqual(['A2']);
});

test.describe('with the model down', () => {
  test.use({ allowedConsoleErrors: [/status of 503/] });

  test('measured parts show at once, judged ones wait, and come when the model is back and the browser online', async ({ page, context, coach }) => {
      let down = true;
    coach.override = () => (down ? { kind: 'error', status: 503, retryAfterSeconds: 60, message: 'The model is overloaded. Please try again later.' } : null);
    await runShortInterview(page);
    await openReport(page);
    await expect(page.getByTestId('report-answer')).toHaveCount(2);
    await expect(page.getByTestId('delivery-wpm').first()).toHaveText('Typed: no pace');
    await expect(page.getByTestId('report-overall')).toContainText(/Waiting/, { timeout: 15_000 });
    await expect(page.getByTestId('report-answer').first()).toContainText('Waiting to judge this answer');
    await expect(page.getByTestId('overall-score')).toHaveCount(0);

    down = false;
    await context.setOffline(true);
    await context.setOffline(false);
    await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 20_000 });
    await expect(page.getByTestId('overall-score')).toBeVisible();
  });
});

test('export and import keep the report: JSON, Markdown and the print view', async ({ page }) => {
  await runShortInterview(page);
  await openReport(page);
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 15_000 });
  const overall = await page.getByTestId('overall-score').textContent();
  const quotes = await page.getByTestId('evidence-quote').allTextContents();
  await page.getByTestId('report-back').click();

  await page.getByTestId('open-history').click();
  const item = page.getByTestId('history-item').first();
  const [jsonFile] = await Promise.all([page.waitForEvent('download'), item.getByTestId('export-json').click()]);
  const json = await readFile(await jsonFile.path(), 'utf8');
  const envelope = JSON.parse(json) as { version: number; report: { interviewId: string; rubricVersion: number; answers: Record<string, { status: string }> } };
  expect(envelope.version).toBe(3);
  expect(envelope.report.rubricVersion).toBe(1);
  expect(Object.values(envelope.report.answers).map((state) => state.status)).toEqual(['done', 'done']);
  const [mdFile] = await Promise.all([page.waitForEvent('download'), item.getByTestId('export-markdown').click()]);
  const markdown = await readFile(await mdFile.path(), 'utf8');
  expect(markdown).toContain(`- **Overall score (AI-judged, computed from the checked scores):** ${overall ?? ''} / 5`);
  expect(markdown).toContain(`“${quotes[0] ?? ''}”`);

  // Delete it, import the file: the same report comes back, with nothing asked of the model again.
  await item.getByTestId('history-delete').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('history-item')).toHaveCount(0);
  await page.getByTestId('import-json').setInputFiles({ name: 'interview.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByTestId('history-notice')).toHaveText('Interview imported.');
  await page.getByTestId('history-item').first().getByTestId('history-report').click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true');
  await expect(page.getByTestId('overall-score')).toHaveText(overall ?? '');
  await expect(page.getByTestId('evidence-quote')).toHaveText(quotes);

  // The print view: the report without its buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('report-print')).toBeHidden();
  await expect(page.getByTestId('report-overall')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('report-back').click();
  await expect(page.getByTestId('history-heading')).toBeFocused();
});
