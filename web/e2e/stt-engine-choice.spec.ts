// Where the candidate's voice becomes text: with RunPod on the server the microphone setup offers "On this device" and
// "On the server"; choosing the device keeps every word off /api/stt. On a metered connection (Save-Data), a model not
// yet stored is downloaded only after "Download": "Not now" leaves typing and the browser's voice; a stored model is
// never asked about.
import type { Page, Request } from '@playwright/test';
import { STAND_IN_WORDS } from '../scripts/make-stt-test-models.ts';
import { answer, expect, fakeMicrophoneLaunch, openSettings, startInterview, test } from './harness/index.ts';

test.use({ launchOptions: fakeMicrophoneLaunch() });

const WORD = new RegExp(`\\b(${STAND_IN_WORDS.join('|')})\\b`, 'g');

async function awaitQuestion(page: Page): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
}

/** Speaks into the fake microphone until words land, then presses Done (which sends the answer) and waits for the microphone to close. */
async function speakAnAnswer(page: Page): Promise<void> {
  await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('answer')).toHaveValue(WORD, { timeout: 30_000 });
  await page.getByTestId('mic-done').click();
  await expect(page.getByTestId('mic-start')).toBeVisible({ timeout: 30_000 });
}

test('with RunPod on the server, choosing "On this device" sends nothing to /api/stt and the words still land', async ({ page }) => {
  test.setTimeout(120_000);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto('/');
  await openSettings(page);
  const choice = page.getByTestId('stt-engine-choice');
  // RunPod stays the default where the server has it; each option says where the audio goes.
  await expect(choice.getByRole('radio', { name: /On the server/ })).toBeChecked();
  await expect(choice).toContainText('audio is sent through this server to RunPod for transcription');
  await expect(choice).toContainText('Your voice never leaves this device');
  await expect(choice).toContainText('120 MB');
  await expect(page.getByTestId('privacy-line')).toContainText('RunPod');

  await choice.getByRole('radio', { name: /On this device/ }).check();
  await expect(page.getByTestId('stt-model')).toBeHidden();
  await expect(page.getByTestId('privacy-line')).not.toContainText('RunPod');
  await page.reload();
  await openSettings(page);
  await expect(page.getByTestId('stt-engine-choice').getByRole('radio', { name: /On this device/ })).toBeChecked();

  await startInterview(page, 3);
  await awaitQuestion(page);
  await expect(page.getByTestId('stt-engine')).toHaveAttribute('data-engine', 'device');
  await page.getByTestId('mic-start').click();
  await speakAnAnswer(page);
  // Done sends the answer once its words are in.
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]').last()).toContainText(/alpha bravo charlie\b/, { timeout: 15_000 });
  expect(requests.map((request) => request.url()).filter((url) => url.includes('/api/stt'))).toEqual([]);
});

test.describe('on a metered connection', () => {
  // No RunPod: this device is the engine; the natural voice chosen. Save-Data on, as Chromium reports it with Data Saver.
  test.use({
    interviewerVoice: 'kokoro',
    serverSpeech: false,
  });

  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => ({ saveData: true, type: 'wifi', effectiveType: '4g' }) });
    });
  });

  test('each model download waits for "Download"; "Not now" leaves the browser voice and typing; a stored model is not asked about again', async ({ page }) => {
    test.setTimeout(180_000);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await startInterview(page, 3);

    // The voice asks first (its download would start with the interview); "Not now" leaves the browser's voice.
    const confirm = page.getByTestId('download-confirm');
    await expect(confirm).toHaveAttribute('data-model', 'onnx-community/Kokoro-82M-v1.0-ONNX', { timeout: 15_000 });
    await expect(page.getByTestId('download-accept')).toHaveText('Download (92 MB)');
    await page.getByTestId('download-decline').click();
    await expect(page.getByTestId('tts-status')).toHaveAttribute('data-state', 'fallback');
    await expect(page.getByTestId('tts-status')).toContainText('was not downloaded on this metered connection');
    await awaitQuestion(page);

    // The speech model: its size is stated before anything downloads, and the microphone asks first.
    await expect(page.getByTestId('stt-model-status')).toContainText('120 MB');
    await page.getByTestId('mic-start').click();
    await expect(confirm).toHaveAttribute('data-model', 'onnx-community/moonshine-base-ONNX');
    await expect(page.getByTestId('download-accept')).toHaveText('Download (120 MB)');
    await page.getByTestId('download-decline').click();
    await expect(confirm).toBeHidden();
    await expect(page.getByTestId('mic-start')).toBeVisible();
    await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'idle');
    expect(requests.filter((url) => new URL(url).pathname.startsWith('/models/'))).toEqual([]);
    await answer(page, 'I typed this answer instead.');
    await awaitQuestion(page);

    // Asked again on the next press; "Download" loads it and the spoken answer lands.
    await page.getByTestId('mic-start').click();
    await page.getByTestId('download-accept').click();
    await speakAnAnswer(page);
    expect(requests.filter((url) => url.includes('/api/stt'))).toEqual([]);

    // Stored now: after a reload the microphone starts without a question (the voice, never stored, is asked again).
    await page.getByTestId('answer').fill('');
    await page.reload();
    await expect(confirm).toHaveAttribute('data-model', 'onnx-community/Kokoro-82M-v1.0-ONNX', { timeout: 15_000 });
    await page.getByTestId('download-decline').click();
    await awaitQuestion(page);
    await page.getByTestId('mic-start').click();
    await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('stt-model-status')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    await expect(confirm).toBeHidden();
  });
});
