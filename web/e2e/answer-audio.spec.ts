// Hearing yourself: Chromium's fake microphone plays a WAV of known speech; the spoken answer is kept on this device
// as Opus (far smaller than PCM of the same length), gets a play control in the transcript and in the report that
// really plays, is counted in History's storage and deleted with the interview; with the setting off nothing is
// kept. No request carries the recording: the only audio that leaves is the WAV sent to /api/stt for transcription.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Request } from '@playwright/test';
import { demoCandidate, startFakeRunpod } from '../../proxy/test/fakes/index.ts';
import { answer, expect, FAKE_RUNPOD_ENDPOINT, FAKE_RUNPOD_KEY, fakeMicrophoneLaunch, openSettings, startInterview, test as base } from './harness/index.ts';

const test = base.extend({
  runpod: async ({}, use) => {
    const runpod = await startFakeRunpod({ apiKey: FAKE_RUNPOD_KEY, endpointId: FAKE_RUNPOD_ENDPOINT, respond: demoCandidate });
    await use(runpod);
    await runpod.close();
  },
});

test.use({ launchOptions: fakeMicrophoneLaunch() });

/** One stored chunk, as the raw IndexedDB API reads it (no app code involved). */
interface StoredChunk {
  interviewId: string;
  questionId: string;
  take: number;
  index: number;
  mimeType: string;
  bytes: number;
  dataBytes: number;
}

/** Every stored recording chunk. */
function storedChunks(page: Page): Promise<StoredChunk[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('xquizit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<(Omit<StoredChunk, 'dataBytes'> & { data: ArrayBuffer })[]>((resolve, reject) => {
      const request = db.transaction('answer-recordings').objectStore('answer-recordings').getAll();
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return all.map(({ data, ...chunk }) => ({ ...chunk, dataBytes: data.byteLength }));
  });
}

/** Seconds of audio in the stored recording of one take, decoded by the browser from its chunks joined. */
function decodedSeconds(page: Page, take: number): Promise<number> {
  return page.evaluate(async (wanted) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('xquizit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = await new Promise<{ take: number; index: number; mimeType: string; data: ArrayBuffer }[]>((resolve, reject) => {
      const request = db.transaction('answer-recordings').objectStore('answer-recordings').getAll();
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error);
    });
    db.close();
    const chunks = all.filter((chunk) => chunk.take === wanted).sort((a, b) => a.index - b.index);
    const joined = await new Blob(chunks.map((chunk) => chunk.data), { type: chunks[0]?.mimeType ?? '' }).arrayBuffer();
    const context = new AudioContext();
    try {
      return (await context.decodeAudioData(joined)).duration;
    } finally {
      await context.close();
    }
  }, take);
}

// The magic numbers of WebM (EBML) and Ogg, raw and as base64 inside a JSON body.
const RECORDING_MARKS = [Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('OggS'), Buffer.from('OpusHead'), Buffer.from('GkXfo'), Buffer.from('T2dnUw')];

/** Every request body the page sent, with where it went. */
function recordBodies(page: Page): { url: string; body: Buffer }[] {
  const bodies: { url: string; body: Buffer }[] = [];
  page.on('request', (request: Request) => {
    const body = request.postDataBuffer();
    if (body) bodies.push({ url: new URL(request.url()).pathname, body });
  });
  return bodies;
}

/**
 * Speaks for `seconds` into the fake microphone and presses Done, which sends the answer once its last words are in
 * (the default). The answer may be in the box only for an instant, or not at all after Done when its tail was
 * transcribed before it, so what is waited for is the answer in the transcript.
 */
async function speakAndSend(page: Page, seconds: number): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  const sent = page.getByTestId('transcript').locator('li[data-role="candidate"]');
  const sentBefore = await sent.count();
  await page.getByTestId('mic-start').click();
  const startedAt = Date.now();
  await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 60_000 });
  // The voice-activity model's first load is slow on a busy machine; the audio waits for it meanwhile.
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  await page.waitForTimeout(Math.max(0, startedAt + seconds * 1000 - Date.now()));
  await page.getByTestId('mic-done').click();
  await expect(sent).toHaveCount(sentBefore + 1, { timeout: 30_000 });
  await expect(sent.last().locator('p')).not.toHaveText('');
}

/** Presses a play control and waits until its audio really plays (time moves, or it ends). */
async function playsBack(page: Page, scope: ReturnType<Page['getByTestId']>, name = 'Play your answer'): Promise<void> {
  await scope.getByRole('button', { name }).click();
  const audio = scope.getByTestId('answer-audio');
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.ended || element.currentTime > 0), { timeout: 15_000 }).toBe(true);
  expect(await audio.evaluate((element: HTMLAudioElement) => element.error)).toBeNull();
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Screenshots at 390 and 1280 px, light and dark, with `testId`'s first element in view (for a reviewer to look at). */
async function screenshots(page: Page, name: string, testId = 'play-answer'): Promise<void> {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
      await page.emulateMedia({ colorScheme });
      await page.getByTestId(testId).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`${name}-${width}-${colorScheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a spoken answer is kept as Opus on this device, plays from the transcript and the report, is counted and deleted with the interview', async ({ page }) => {
  test.setTimeout(240_000);
  const bodies = recordBodies(page);
  await startInterview(page, 2);
  await speakAndSend(page, 8);
  await answer(page, 'Idempotency keys on every retry, and I replayed the dead letters myself.');
  await expect(page.getByTestId('interview-status')).toContainText(/concluded/i, { timeout: 15_000 });

  // Stored: one take of Opus, far below the PCM of the same length (16 kHz 16-bit is 32 000 bytes a second).
  const chunks = await storedChunks(page);
  const takes = [...new Set(chunks.map((chunk) => chunk.take))];
  expect(takes).toHaveLength(1);
  expect(new Set(chunks.map((chunk) => chunk.questionId)).size).toBe(1);
  expect(chunks.every((chunk) => chunk.mimeType === 'audio/webm;codecs=opus' && chunk.bytes === chunk.dataBytes && chunk.bytes > 0)).toBe(true);
  // Handed over about every second, so a reload keeps what was said so far.
  expect(chunks.length).toBeGreaterThanOrEqual(5);
  const bytes = chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
  const seconds = await decodedSeconds(page, takes[0] ?? NaN);
  expect(seconds).toBeGreaterThan(6);
  expect(bytes).toBeLessThan((seconds * 32_000) / 4);
  test.info().annotations.push({
    type: 'measured',
    description: `${seconds.toFixed(2)} s kept in ${bytes} bytes over ${chunks.length} chunks (${((bytes * 8) / seconds / 1000).toFixed(1)} kbit/s; 16 kHz 16-bit PCM would be ${Math.round(seconds * 32_000)} bytes, ${((seconds * 32_000) / bytes).toFixed(1)}× more)`,
  });

  // The transcript: the spoken answer plays; the typed one has no control.
  const answers = page.getByTestId('transcript').locator('li[data-role="candidate"]');
  await expect(answers.first().getByTestId('play-answer')).toBeVisible();
  await expect(answers.nth(1).getByTestId('play-answer')).toHaveCount(0);
  await playsBack(page, answers.first());
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'transcript');

  // The report, per answer.
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report')).toHaveAttribute('data-complete', 'true', { timeout: 20_000 });
  const reported = page.getByTestId('report-answer');
  await expect(reported.nth(1).getByTestId('play-answer')).toHaveCount(0);
  await playsBack(page, reported.first());
  expect(await seriousViolations(page)).toEqual([]);
  await screenshots(page, 'report');

  // History counts the recordings; deleting the interview deletes them.
  await page.goto('/');
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('recordings-usage')).toHaveAttribute('data-bytes', String(bytes));
  await expect(page.getByTestId('recordings-usage')).toContainText('left out of exports');
  await page.getByTestId('history-item').first().getByTestId('history-delete').click();
  await page.getByTestId('delete-confirm').click();
  await expect(page.getByTestId('history-empty')).toBeVisible();
  expect(await storedChunks(page)).toEqual([]);
  await expect(page.getByTestId('recordings-usage')).toHaveCount(0);

  // Nothing but the transcription call carried audio, and that was WAV; the recording went nowhere.
  for (const { url, body } of bodies) {
    for (const mark of RECORDING_MARKS) expect(body.includes(mark), `${url} carries ${mark.toString('hex')}`).toBe(false);
  }
  const stt = bodies.filter(({ url }) => url.startsWith('/api/stt'));
  expect(stt.length).toBeGreaterThan(0);
  for (const { body } of stt) {
    const audio = Buffer.from((JSON.parse(body.toString()) as { audio_base64: string }).audio_base64, 'base64');
    expect(audio.subarray(0, 4).toString()).toBe('RIFF');
  }
});

test('with "keep recordings" off (kept across a reload), a spoken answer leaves no recording and no play control', async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto('/');
  await openSettings(page);
  const keep = page.getByTestId('keep-answer-audio');
  await expect(keep).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Keep recordings of my answers to hear again' })).toBeVisible();
  await keep.focus();
  await page.keyboard.press('Space');
  await expect(keep).not.toBeChecked();
  await page.reload();
  await openSettings(page);
  await expect(page.getByTestId('keep-answer-audio')).not.toBeChecked();
  await screenshots(page, 'settings', 'keep-answer-audio');

  await startInterview(page, 2);
  await speakAndSend(page, 4);
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toHaveCount(1);
  await expect(page.getByTestId('play-answer')).toHaveCount(0);
  expect(await storedChunks(page)).toEqual([]);
});

test('a reload mid-answer keeps the recording made so far, and it plays', async ({ page }) => {
  test.setTimeout(180_000);
  await startInterview(page, 2);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('mic-start').click();
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  // The first sentence has landed and the candidate is still speaking when the page goes.
  await expect(page.getByTestId('answer')).not.toHaveValue('', { timeout: 30_000 });
  await page.reload();

  const kept = await storedChunks(page);
  expect(kept.length).toBeGreaterThanOrEqual(3);
  expect(kept.map((chunk) => chunk.index).sort((a, b) => a - b)).toEqual(kept.map((_, i) => i));
  // The answer as it stood is back; sent, what was recorded before the reload can be heard again.
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await expect(page.getByTestId('answer')).not.toHaveValue('', { timeout: 30_000 });
  await expect(page.getByTestId('mic-start')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('send-answer')).toHaveAttribute('aria-disabled', 'false', { timeout: 30_000 });
  await page.getByTestId('answer').press('Control+Enter');
  const spoken = page.getByTestId('transcript').locator('li[data-role="candidate"]').first();
  await playsBack(page, spoken);
});

test('what the candidate said before ending the interview early, never sent, can still be played from its question', async ({ page }) => {
  test.setTimeout(180_000);
  await startInterview(page, 2);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
  await page.getByTestId('mic-start').click();
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  await expect(page.getByTestId('answer')).not.toHaveValue('', { timeout: 30_000 });
  await expect.poll(async () => (await storedChunks(page)).length, { timeout: 30_000 }).toBeGreaterThan(0);

  await page.getByTestId('end-interview').click();
  await page.getByTestId('end-interview-confirm').click();
  await expect(page.locator('#interview-over')).toBeVisible({ timeout: 30_000 });
  const transcript = page.getByTestId('transcript');
  await expect(transcript.locator('li[data-role="candidate"]')).toHaveCount(0);
  const question = transcript.locator('li[data-role="interviewer"]').first();
  await playsBack(page, question, 'Play what you said (not sent)');
  // The closing has nothing to play.
  await expect(transcript.getByTestId('play-answer')).toHaveCount(1);
});
