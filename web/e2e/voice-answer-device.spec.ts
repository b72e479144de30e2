// Answering out loud with no speech service on the server: Chromium's fake microphone plays the spoken fixture, the
// tiny Moonshine stand-in (served from MODELS_DIR) recognizes it in the speech worker beside the interviewer's voice;
// words appear live and land in the answer box, "Done" sends them, and no audio leaves the page. An answer in
// another language is recognized by the tiny Whisper base stand-in instead. A model that cannot load says so and
// leaves typing.
import type { Page, Request } from '@playwright/test';
import { STAND_IN_WORDS } from '../scripts/make-stt-test-models.ts';
import { WHISPER_LANGUAGE_CODES, WHISPER_STAND_IN_WORDS } from '../scripts/make-whisper-test-model.ts';
import { expect, fakeMicrophoneLaunch, startInterview, test } from './harness/index.ts';

// No RunPod on the server: this device recognizes the answer.
test.use({ serverSpeech: false, launchOptions: fakeMicrophoneLaunch() });

const WORD = new RegExp(`\\b(${STAND_IN_WORDS.join('|')})\\b`, 'g');

async function awaitQuestion(page: Page): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
}

test('with no speech service on the server, the answer is recognized on this device: words appear live, land in the answer box, are sent at Done, and no audio is sent', async ({ page, proxyURL }) => {
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto('/');
  await startInterview(page, 3);
  await awaitQuestion(page);
  await expect(page.getByTestId('stt-engine')).toHaveAttribute('data-engine', 'device');

  await page.getByTestId('mic-start').click();
  await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  // No WebGPU adapter here: the worker loaded on WASM alone, said so, and the choice is remembered for the next visit.
  await expect(page.getByTestId('stt-model-status')).toHaveText(/running on this device's processor/);
  expect(await page.evaluate(() => localStorage.getItem('xquizit:stt-device'))).toBe(JSON.stringify({ 'onnx-community/moonshine-base-ONNX': 'wasm' }));

  // Live: the first sentence's words land while the candidate is still speaking.
  const answer = page.getByTestId('answer');
  await expect(answer).toHaveValue(WORD, { timeout: 30_000 });
  await expect(page.getByTestId('mic-done')).toBeVisible();
  const whileSpeaking = ((await answer.inputValue()).match(WORD) ?? []).length;

  // The fixture lasts about 16 s; "Done" after it, and every sentence's words are in.
  await page.waitForTimeout(14_000);
  await page.getByTestId('mic-done').click();
  await expect(page.getByTestId('mic-start')).toBeVisible({ timeout: 30_000 });
  const sent = page.getByTestId('transcript').locator('li[data-role="candidate"] > p');
  await expect(sent).toHaveCount(1, { timeout: 30_000 });
  const text = await sent.innerText();
  expect((text.match(WORD) ?? []).length).toBeGreaterThan(whileSpeaking);
  expect(text).toMatch(/^alpha bravo charlie\b/);
  await expect(answer).toHaveValue('');

  // The voice never left the page: nothing to /api/stt, nothing to any other host.
  const urls = requests.map((request) => request.url());
  expect(urls.filter((url) => url.includes('/api/stt'))).toEqual([]);
  expect(urls.filter((url) => !url.startsWith(proxyURL) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  expect(urls).toContain(`${proxyURL}/models/onnx-community/moonshine-base-ONNX/onnx/decoder_model_merged_quantized.onnx`);
  // One worker for the voice and the recognizer.
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([expect.stringMatching(/\/speech\.worker-[\w-]+\.js$/)]);
});

test('an answer in German is recognized on this device by Whisper base, told the language, and no audio is sent', async ({ page, proxyURL }) => {
  await page.addInitScript(() => {
    if (location.origin !== 'null' && localStorage.getItem('xquizit:stt-settings') === null) localStorage.setItem('xquizit:stt-settings', JSON.stringify({ engine: 'device', language: 'de' }));
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/');
  await page.getByText('Settings: this server, your microphone and the language you answer in').click();
  await expect(page.getByText(/Whisper base for German: a 77 MB download the first time/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('stt-language')).toHaveValue('de');
  await startInterview(page, 3);
  await awaitQuestion(page);
  await expect(page.getByTestId('stt-engine')).toContainText('Whisper base');

  await page.getByTestId('mic-start').click();
  await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  const answer = page.getByTestId('answer');
  const words = new RegExp(`\\b(${WHISPER_STAND_IN_WORDS.join('|')})\\b`);
  await expect(answer).toHaveValue(words, { timeout: 30_000 });
  await page.waitForTimeout(4_000);
  await page.getByTestId('mic-done').click();
  const sent = page.getByTestId('transcript').locator('li[data-role="candidate"] > p');
  await expect(sent).toHaveCount(1, { timeout: 30_000 });
  // The stand-in starts at the language's number mod 4: German's, so the prefix carried <|de|>.
  const german = WHISPER_STAND_IN_WORDS[WHISPER_LANGUAGE_CODES.indexOf('de') % WHISPER_STAND_IN_WORDS.length]!;
  expect(await sent.innerText()).toMatch(new RegExp(`^${german}\\b`));

  expect(requests.filter((url) => url.includes('/api/stt'))).toEqual([]);
  expect(requests.filter((url) => !url.startsWith(proxyURL) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
  expect(requests).toContain(`${proxyURL}/models/onnx-community/whisper-base/onnx/decoder_model_merged_quantized.onnx`);
  expect(requests.filter((url) => url.includes('/moonshine-'))).toEqual([]);
});

test('a speech model that cannot load says so in plain words and leaves typing', async ({ page }) => {
  // The model is found broken only once the candidate has said something (its download is held until then).
  let spoken!: () => void;
  const saidSomething = new Promise<void>((resolve) => (spoken = resolve));
  await page.route('**/models/onnx-community/moonshine-base-ONNX/onnx/encoder_model.onnx', async (route) => {
    await saidSomething;
    await route.fulfill({ status: 500, body: 'broken' });
  });
  await page.goto('/');
  await startInterview(page, 3);
  await awaitQuestion(page);

  await page.getByTestId('mic-start').click();
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  // The fixture's first sentence ends 4.1 s in, and the pause after it closes that part of the answer.
  await page.waitForTimeout(5_000);
  spoken();
  await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  await expect(page.getByTestId('stt-model-status')).toContainText('Type your answer instead');
  await expect(page.getByTestId('mic-start')).toHaveAttribute('aria-disabled', 'true', { timeout: 30_000 });

  // What was said waits for the model; the candidate gives up on it and types the answer instead.
  await page.getByTestId('mic-error').getByRole('button', { name: 'Type that part instead' }).click();
  await page.getByTestId('answer').fill('I typed this instead.');
  await expect(page.getByTestId('send-answer')).toHaveAttribute('aria-disabled', 'false');
  await page.getByTestId('answer').press('Control+Enter');
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"] > p')).toHaveText('I typed this instead.');
});
