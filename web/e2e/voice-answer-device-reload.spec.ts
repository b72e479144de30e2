// A reload in the middle of a spoken answer recognized on this device loses nothing: the words already in the answer
// box stay, once; the audio of the sentence still being spoken (stored as it was heard) is recognized after the
// reload; and still nothing goes to /api/stt. The first answer warms the models, so the second one's timing follows
// the audio, not how long a busy machine takes to load them.
import type { Page } from '@playwright/test';
import { STAND_IN_WORDS, WORDS_PER_SECOND } from '../scripts/make-stt-test-models.ts';
import { expect, fakeMicrophoneLaunch, startInterview, test } from './harness/index.ts';
import { loadSource } from './voice-answer-audio.ts';

// No RunPod on the server: this device recognizes the answer.
test.use({ serverSpeech: false, launchOptions: fakeMicrophoneLaunch() });

const WORD = new RegExp(`\\b(${STAND_IN_WORDS.join('|')})\\b`, 'g');
const wordsOf = (text: string) => (text.match(WORD) ?? []).length;

async function awaitQuestion(page: Page): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
}

test('a reload in the middle of an answer recognized on this device keeps the words landed and recognizes the audio not yet landed', async ({ page }) => {
  test.setTimeout(150_000);
  const sentences = (await loadSource()).info.sentences;
  const stt: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/stt')) stt.push(request.url());
  });
  await startInterview(page, 3);
  await awaitQuestion(page);
  await expect(page.getByTestId('stt-engine')).toHaveAttribute('data-engine', 'device');
  const answer = page.getByTestId('answer');
  const sent = page.getByTestId('transcript').locator('li[data-role="candidate"]');

  // The first answer: the first sentence lands, Done sends it. The recognizer and the voice detector are loaded now.
  await page.getByTestId('mic-start').click();
  await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  await expect(answer).toHaveValue(WORD, { timeout: 30_000 });
  await page.getByTestId('mic-done').click();
  await expect(sent).toHaveCount(1, { timeout: 30_000 });
  await awaitQuestion(page);

  // The second answer: its first sentence has landed, and the second is being heard (its partial shows) when the page reloads.
  await page.getByTestId('mic-start').click();
  await expect(answer).toHaveValue(WORD, { timeout: 30_000 });
  await expect(page.getByTestId('partial-transcript')).toHaveText(WORD, { timeout: 15_000 });
  const landed = await answer.inputValue();
  expect(landed).toMatch(/^alpha bravo charlie\b/);
  await page.reload();
  await awaitQuestion(page);

  // What had landed is there once; the stored audio of the open sentence is recognized and follows it.
  await expect(answer).toHaveValue(new RegExp(`^${landed} alpha\\b`), { timeout: 60_000 });
  const after = await answer.inputValue();
  const rest = after.slice(landed.length);
  // The rest is at most the second sentence and a second of its pause: nothing was recognized twice.
  const second = sentences[1];
  expect(second).toBeDefined();
  expect(wordsOf(rest)).toBeLessThanOrEqual(Math.ceil(((second?.end ?? 0) - (second?.start ?? 0) + 1) * WORDS_PER_SECOND));
  await expect(page.getByTestId('mic-start')).toBeVisible();
  expect(stt).toEqual([]);
});
