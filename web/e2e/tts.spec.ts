// The interviewer's voice in the real app: Kokoro (the tiny test model through kokoro-js, transformers.js and ONNX
// Runtime, all from this server) speaks a question while it is still streaming, piece after piece without overlap;
// skip stops it at once; text-only mode is silent; a model that cannot load falls back to the browser's voice.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { answer, expect, installAudioProbe, readAudioClock, readAudioProbe, startInterview, storedInterviews, TEST_MODELS_DIR, test, type PlayedBuffer } from './harness/index.ts';

/** A question streamed slowly (about 5 s, room for a busy machine) so the voice has to start before it ends. */
const SLOW_QUESTION = {
  kind: 'text',
  text: 'DECISION: NEXT_TOPIC\nThanks, that helps. Let us turn to how you own your work. Tell me about a time you carried a hard problem from start to finish. What did you decide, and why? And what would you change today?',
  chunks: 50,
  // 10 s of streaming: room for the first clause to be synthesised before the last token on a busy 2-core machine.
  delayMs: 200,
} as const;

/** Buffers of real speech (the unlock primes the context with a one-sample buffer). */
function spoken(buffers: readonly PlayedBuffer[]): PlayedBuffer[] {
  return buffers.filter((buffer) => buffer.duration > 0.01);
}

/** Starts an interview with the audio probe installed; resolves, with the URLs requested so far (and later), once Kokoro is ready and the introduction awaits an answer. */
async function startWithVoice(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await installAudioProbe(page);
  await startInterview(page, 4);
  await expect(page.getByTestId('tts-status')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('tts-status')).toContainText('kokoro · wasm q8');
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  return requests;
}

test('Kokoro speaks the question while it is still being written, piece after piece, from this server only', async ({ page, gemini, proxyURL }) => {
  const requests = await startWithVoice(page);

  const before = spoken((await readAudioProbe(page)).buffers).length;
  gemini.enqueue(SLOW_QUESTION);
  await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka and its rollout.');
  await expect(page.getByTestId('spoken-piece')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 20_000 });
  await expect.poll(async () => spoken((await readAudioProbe(page)).buffers).length - before, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);

  const pieces = spoken((await readAudioProbe(page)).buffers).slice(before);
  for (const [index, piece] of pieces.entries()) {
    const next = pieces[index + 1];
    if (next) expect(next.when, `piece ${index + 2} starts after piece ${index + 1} ends`).toBeGreaterThanOrEqual(piece.when + piece.duration - 0.001);
    expect(piece.sampleRate).toBe(24_000);
  }

  // The stored timings: the first audio of the slow question came before its last token. Pieces are stored as they
  // are measured, so wait for the second question's last ones.
  const secondQuestionPieces = async (): Promise<number> => {
    const stored = (await storedInterviews(page))[0]?.snapshot as { context: { timings: Array<{ questionId: string }>; speechTimings: Array<{ questionId: string; pieces: unknown[] }> } } | undefined;
    const questionId = stored?.context.timings[1]?.questionId;
    return stored?.context.speechTimings.find((timing) => timing.questionId === questionId)?.pieces.length ?? 0;
  };
  await expect.poll(secondQuestionPieces).toBeGreaterThanOrEqual(3);
  const [record] = await storedInterviews(page);
  const context = (record?.snapshot as { context: { timings: Array<{ questionId: string; firstTokenAt: number; lastTokenAt: number }>; speechTimings: Array<{ questionId: string; engine: string; firstAudioAt: number; pieces: unknown[] }> } }).context;
  const turn = context.timings[1];
  const speech = context.speechTimings.find((timing) => timing.questionId === turn?.questionId);
  expect(speech?.engine).toMatch(/^kokoro · wasm q8/);
  expect(speech?.firstAudioAt).toBeLessThan(turn?.lastTokenAt ?? 0);
  expect(speech?.firstAudioAt).toBeGreaterThanOrEqual(turn?.firstTokenAt ?? Number.POSITIVE_INFINITY);
  expect(speech?.pieces.length).toBeGreaterThanOrEqual(3);

  // Everything the voice needed came from this server: the model, the voice, ONNX Runtime's WASM.
  expect(requests.filter((url) => !url.startsWith(proxyURL))).toEqual([]);
  expect(requests.some((url) => url.endsWith('/voices/af_bella.bin'))).toBe(true);
  expect(requests.some((url) => url.endsWith('/models/onnx-community/Kokoro-82M-v1.0-ONNX/onnx/model_quantized.onnx'))).toBe(true);
  expect(requests.some((url) => url.endsWith('/ort/ort-wasm-simd-threaded.jsep.wasm'))).toBe(true);

  // The developer panel (after a reload, which resumes the interview): the backend and each question's first audio.
  await page.goto('/?dev');
  await page.getByText('Timings (developer)').click();
  await expect(page.getByTestId('dev-voice-engine')).toContainText(/kokoro · wasm q8 · \d+ threads?/, { timeout: 60_000 });
  const secondTurn = page.getByTestId('dev-turn').nth(1).locator('td');
  await expect(secondTurn.nth(5)).toHaveText(/^\d+ ms$/);
  await expect(secondTurn.nth(6)).toHaveText(/^\d+ ms$/);
  await expect(secondTurn.nth(7)).toHaveText(/^\d+\.\d\d×$/);
});

test('skip stops the voice at once and nothing more of that question is spoken; the choice of voice is used next', async ({ page, gemini }) => {
  const requests = await startWithVoice(page);
  await page.getByText('Voice settings').click();
  await page.getByTestId('voice-select').selectOption('bm_george');

  const before = spoken((await readAudioProbe(page)).buffers).length;
  gemini.enqueue(SLOW_QUESTION);
  await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka and its rollout.');
  await expect.poll(async () => spoken((await readAudioProbe(page)).buffers).length - before, { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('skip-speech')).toHaveAttribute('aria-disabled', 'false');
  await page.getByTestId('skip-speech').click();
  const clockAfterSkip = (await readAudioClock(page)) ?? 0;
  const atSkip = spoken((await readAudioProbe(page)).buffers).slice(before);
  expect(atSkip.length).toBeGreaterThan(0);
  await expect(page.getByTestId('skip-speech')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.waitForTimeout(500);
  const after = spoken((await readAudioProbe(page)).buffers).slice(before);
  expect(after.length, 'no piece scheduled after skip').toBe(atSkip.length);
  // A piece that would still be playing or waiting after skip was pressed must have been stopped by it.
  const unfinished = after.filter((piece) => piece.when + piece.duration > clockAfterSkip);
  expect(unfinished.every((piece) => piece.stoppedAt !== null), 'pieces playing or queued at skip were stopped').toBe(true);
  expect(requests.some((url) => url.endsWith('/voices/bm_george.bin'))).toBe(true);
});

test('text only: the question is shown and nothing is spoken', async ({ page }) => {
  await installAudioProbe(page);
  await startInterview(page, 4);
  await page.getByText('Voice settings').click();
  await page.getByTestId('voice-mode').selectOption('off');
  await expect(page.getByTestId('tts-status')).toHaveAttribute('data-state', 'off');
  const before = await readAudioProbe(page);
  await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka and its rollout.');
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('question')).toContainText(/\w/);
  const after = await readAudioProbe(page);
  expect(spoken(after.buffers).length).toBe(spoken(before.buffers).length);
  expect(after.utterances.length).toBe(before.utterances.length);
});

test.describe('with a voice model that cannot load', () => {
  const brokenModels = mkdtempSync(join(tmpdir(), 'xquizit-broken-models-'));
  cpSync(TEST_MODELS_DIR, brokenModels, { recursive: true });
  writeFileSync(join(brokenModels, 'onnx-community', 'Kokoro-82M-v1.0-ONNX', 'onnx', 'model_quantized.onnx'), 'this is not an ONNX model');
  test.use({ proxyEnv: { MODELS_DIR: brokenModels } });

  test('says so and the browser’s own voice reads the questions', async ({ page }) => {
    await installAudioProbe(page);
    await startInterview(page, 4);
    await expect(page.getByTestId('tts-status')).toHaveAttribute('data-state', 'fallback', { timeout: 60_000 });
    await expect(page.getByTestId('tts-status')).toContainText('browser’s own voice');
    await answer(page, 'Eight years on payments backends, most recently leading our move to Kafka and its rollout.');
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
    await expect.poll(async () => (await readAudioProbe(page)).utterances.join(' ')).toMatch(/\w{3,}/);
    expect(spoken((await readAudioProbe(page)).buffers)).toEqual([]);
  });
});
