// Interviews through an OpenAI-compatible server: a whole typed interview with no Gemini key (the fake speaking as
// vLLM, which refuses the app's thinking knob and then streams its reasoning), reload included; and a server offering
// both providers, where the candidate picks the model on the setup screen and switches between them.
import { answer, expect, fillSetup, storedInterviews, test } from './harness/index.ts';

/** The reasoning the scripted interviewer streams before each spoken turn; it must never reach the page. */
const REASONING = 'The candidate answered; I will keep to the plan.';

test.describe('an OpenAI-compatible server alone', () => {
  test.use({ llm: ['openai'], openAiFamily: 'vllm', allowedConsoleErrors: [/status of 400/] });

  test('a whole typed interview, reloaded halfway, never shows the model’s reasoning', async ({ page, gemini, openai }) => {
    await fillSetup(page, 3);
    await expect(page.getByTestId('health-llm')).toHaveText('OpenAI-compatible server · qwen3:8b');
    await expect(page.getByTestId('interview-model')).toHaveValue('openai:qwen3:8b');
    await page.getByTestId('start-interview').click();

    const question = page.getByTestId('question');
    await expect(question).toContainText(/thanks for joining/i, { timeout: 15_000 });
    await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka.');
    await expect(page.getByTestId('interview-status')).toContainText('Question 2 of 3', { timeout: 15_000 });
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    const second = await question.textContent();
    await expect
      .poll(async () => {
        const snapshot = (await storedInterviews(page))[0]?.snapshot as { value: string; context: { transcript: unknown[] } } | undefined;
        return snapshot ? [snapshot.value, snapshot.context.transcript.length] : null;
      })
      .toEqual(['awaitingAnswer', 3]);

    await page.reload();
    await expect(page.getByTestId('question')).toHaveText(second ?? '', { timeout: 15_000 });
    await answer(page, 'We traced failed invoices to retries without idempotency keys, added them, and replayed the dead letters.');
    await expect(page.getByTestId('interview-status')).toContainText('Question 3 of 3', { timeout: 15_000 });
    await answer(page, 'Pairing on reviews, and writing decisions down so the next person has the context.');
    await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
    await expect(page.getByTestId('transcript').locator('li')).toHaveCount(7);

    await expect(page.locator('body')).not.toContainText(REASONING);
    const stored = (await storedInterviews(page))[0]?.snapshot as { context: { settings: { model: string }; transcript: { text: string }[] } };
    expect(stored.context.settings.model).toBe('openai:qwen3:8b');
    expect(stored.context.transcript.map((entry) => entry.text).join(' ')).not.toContain(REASONING);

    expect(gemini.requests).toHaveLength(0);
    const bodies = openai.requests.map((request) => request.body as { model: string; messages: unknown; response_format?: { type: string }; reasoning_effort?: string });
    expect(new Set(bodies.map((body) => body.model))).toEqual(new Set(['qwen3:8b']));
    // The analysis asked for a strict JSON schema. vLLM refused reasoning_effort "none" in each page load (the app
    // remembers a refusal while it runs; a report call already in flight beside a turn may carry it too), and every
    // refused request was sent again without it.
    expect(bodies.some((body) => body.response_format?.type === 'json_schema')).toBe(true);
    const refused = bodies.filter((body) => body.reasoning_effort !== undefined);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    const sameMessages = (a: { messages: unknown }, b: { messages: unknown }) => JSON.stringify(a.messages) === JSON.stringify(b.messages);
    for (const body of refused) expect(bodies.some((other) => other.reasoning_effort === undefined && sameMessages(other, body))).toBe(true);
  });
});

test.describe('both providers offered', () => {
  test.use({ llm: ['gemini', 'openai'] });

  test('the candidate picks the model, the pick is kept, and switching moves the next interview to the other provider', async ({ page, gemini, openai }) => {
    await fillSetup(page, 3);
    await expect(page.getByTestId('health-llm')).toHaveText('Gemini · gemini-2.5-flash; OpenAI-compatible server · qwen3:8b');
    const picker = page.getByTestId('interview-model');
    await expect(picker).toHaveValue('gemini:gemini-2.5-flash');
    await expect(picker.locator('option', { hasText: 'Gemini · gemini-2.5-flash (server default)' })).toHaveCount(1);
    await expect(picker.locator('option', { hasText: 'OpenAI-compatible server · llama3.2' })).toHaveCount(1);
    await picker.selectOption('openai:llama3.2');

    await page.reload();
    await expect(page.getByTestId('interview-model')).toHaveValue('openai:llama3.2');
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
    await page.getByTestId('end-interview').click();
    await page.getByTestId('end-interview-confirm').click();
    await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });
    // The plan may be made in the background before the pick (with the default model); every turn goes to the pick.
    expect(gemini.requests.filter((request) => request.stream)).toHaveLength(0);
    expect(openai.requests.filter((request) => request.stream).length).toBeGreaterThanOrEqual(2);
    expect(new Set(openai.requests.map((request) => request.model))).toEqual(new Set(['llama3.2']));
    const openAiCalls = openai.requests.length;

    await page.getByTestId('new-interview').click();
    await page.getByTestId('interview-model').selectOption('gemini:gemini-2.5-pro');
    await page.getByTestId('start-interview').click();
    await expect(page.getByTestId('question')).toContainText(/thanks for joining/i, { timeout: 15_000 });
    expect(openai.requests).toHaveLength(openAiCalls);
    expect(new Set(gemini.requests.filter((request) => request.stream).map((request) => request.model))).toEqual(new Set(['gemini-2.5-pro']));
    // 2.5 Pro cannot turn thinking off: it gets its smallest budget, with the room thinking takes on top.
    const body = gemini.requests.at(-1)?.body as { generationConfig: { thinkingConfig: unknown; maxOutputTokens: number } };
    expect(body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 128 });
  });
});
