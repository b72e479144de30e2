// The candidate's voice through Chromium's fake microphone playing a WAV of known speech (espeak-ng: three
// sentences and pauses): the fake RunPod receives audio that matches the source in place, length and shape; its
// transcript appears live and lands in the answer box; "Done" sends it once the last words are in, or, with the
// review setting, leaves it in the box to edit; the audio sent stays within 1.5× the spoken length; a failing RunPod
// is retried, then shown with a way out, and nothing is sent half; a cold start of the transcription server is shown
// while it lasts; a reload mid-answer loses nothing and sends nothing twice.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { handlerError, startFakeRunpod, type RunpodReceived, type RunpodTiming } from '../../proxy/test/fakes/index.ts';
import { backoffDelayMs } from '../src/lib/common/backoff.ts';
import { expect, FAKE_RUNPOD_ENDPOINT, FAKE_RUNPOD_KEY, fakeMicrophoneLaunch, openSettings, startInterview, test as base } from './harness/index.ts';
import { clipSamples, correlationAt, loadSource, locate, spokenSeconds, wordsIn, type LocatedClip, type Source } from './voice-answer-audio.ts';

interface Voice {
  source: Source;
  /** Every clip the fake's responder located, in arrival order, with the correlation one second off (a control). */
  located: (LocatedClip & { input: RunpodReceived['input']; offByOneSecond: number })[];
  /** Jobs for clips holding this sentence take this long on RunPod (queue and run times). */
  slow: { sentence: number; timing: RunpodTiming } | null;
  /** Each clip holding this sentence fails its first `times` tries on RunPod (a clip's tries send the same audio). */
  fail: { sentence: number; times: number } | null;
  /** Failed tries so far, by the clip's audio. */
  failedTries: Map<string, number>;
}

// The fake RunPod answers each clip with the words of the fixture it actually holds.
const test = base.extend<{ voice: Voice }>({
  voice: async ({}, use) => {
    await use({ source: await loadSource(), located: [], slow: null, fail: null, failedTries: new Map() });
  },
  runpod: async ({ voice }, use, testInfo) => {
    const runpod = await startFakeRunpod({
      apiKey: FAKE_RUNPOD_KEY,
      endpointId: FAKE_RUNPOD_ENDPOINT,
      respond: (received) => {
        const samples = clipSamples(received.audio);
        const clip = locate(samples, voice.source);
        voice.located.push({ ...clip, input: received.input, offByOneSecond: correlationAt(samples, voice.source, clip.start + 1) });
        const holds = (index: number | undefined) => {
          const sentence = index === undefined ? undefined : voice.source.info.sentences[index];
          return sentence !== undefined && clip.start < sentence.end && clip.start + clip.seconds > sentence.start;
        };
        const audioKey = Buffer.from(received.audio).toString('base64');
        const failedTries = voice.failedTries.get(audioKey) ?? 0;
        if (voice.fail && failedTries < voice.fail.times && holds(voice.fail.sentence)) {
          voice.failedTries.set(audioKey, failedTries + 1);
          return { kind: 'failed', error: handlerError('RuntimeError', 'CUDA failed with error out of memory') };
        }
        return { kind: 'completed', text: wordsIn(clip, voice.source.info), ...(voice.slow && holds(voice.slow.sentence) ? voice.slow.timing : {}) };
      },
    });
    await use(runpod);
    await runpod.close();
    // What RunPod was sent, for reading a failure: the timing of the microphone and the voice-activity model varies.
    if (testInfo.status !== testInfo.expectedStatus) {
      const first = runpod.received[0]?.receivedAt ?? 0;
      console.log(`RunPod received: ${voice.located.map((clip, i) => `${clip.start.toFixed(2)}–${(clip.start + clip.seconds).toFixed(2)} s at +${(runpod.received[i]?.receivedAt ?? first) - first} ms`).join('; ') || 'nothing'}`);
    }
  },
});

test.use({ launchOptions: fakeMicrophoneLaunch() });

/** `text` as a literal inside a regular expression. */
function escape(text: string | undefined): string {
  return (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The moments (every 10 ms) between `from` and `to` seconds that no clip holds. */
function uncovered(clips: LocatedClip[], from: number, to: number): string[] {
  const missing: string[] = [];
  for (let at = from; at <= to; at += 0.01) {
    if (!clips.some((clip) => clip.start <= at && clip.start + clip.seconds >= at)) missing.push(at.toFixed(2));
  }
  return missing;
}

/** Waits until RunPod has been sent all of the fixture's sentence `index` (so "Done" after it cuts none of it off). */
async function heardWhole(voice: Voice, index: number): Promise<void> {
  const sentence = voice.source.info.sentences[index]!;
  await expect.poll(() => uncovered(voice.located, sentence.start + 0.05, sentence.end - 0.05).length, { timeout: 15_000 }).toBe(0);
}

/** Opens the microphone and waits until the voice-activity model listens (its first load is slow on a busy machine). */
async function startSpeaking(page: Page): Promise<void> {
  await page.getByTestId('mic-start').click();
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
}

/** Turns on "Review my spoken answer before sending" on the setup screen, by keyboard. */
async function reviewSpokenAnswers(page: Page): Promise<void> {
  await page.goto('/');
  await openSettings(page);
  const review = page.getByTestId('stt-review');
  await expect(review).not.toBeChecked();
  await review.focus();
  await page.keyboard.press('Space');
  await expect(review).toBeChecked();
}

/** The candidate's answers as the transcript shows them. */
function sentAnswers(page: Page) {
  return page.getByTestId('transcript').locator('li[data-role="candidate"] > p');
}

async function awaitQuestion(page: Page): Promise<void> {
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer', { timeout: 15_000 });
}

/** axe-core's serious and critical findings on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The candidate entries of every stored interview, read from IndexedDB. */
async function storedAnswers(page: Page): Promise<{ text: string; listening?: { speechEndAt: number | null; transcriptReadyAt: number | null; spokenSeconds: number; audioSecondsSent: number } }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('xquizit');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const records = await new Promise<{ snapshot: { context: { transcript: { role: string; text: string; listening?: never }[] } } }[]>((resolve) => {
      const request = db.transaction('interviews').objectStore('interviews').getAll();
      request.onsuccess = () => resolve(request.result as never);
    });
    db.close();
    return records.flatMap((record) => record.snapshot.context.transcript.filter((entry) => entry.role === 'candidate'));
  });
}

test('with the review setting, a spoken answer appears live, lands in the answer box to edit, and its audio is sent once and matches the source', async ({ page, runpod, voice }) => {
  const { sentences } = voice.source.info;
  const [first, second, third] = sentences.map((s) => s.text);
  await reviewSpokenAnswers(page);
  await startInterview(page, 3);
  await awaitQuestion(page);

  await page.getByTestId('mic-start').click();
  const clickedAt = Date.now();
  // The first start loads ONNX Runtime and the VAD model (slow on a busy machine); the audio is buffered meanwhile.
  await expect(page.getByTestId('mic-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('mic-done')).toBeFocused();
  const answer = page.getByTestId('answer');
  // The real voice-activity model runs (not the loudness fallback).
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  // One ONNX Runtime: Silero runs in the one speech worker (Kokoro's); the page itself loads no ORT code, WASM or model.
  const pageFetched = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  expect(pageFetched.filter((url) => /\/ort\/|\/vad\/|ort\.bundle|onnxruntime/.test(url))).toEqual([]);
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([expect.stringMatching(/\/speech\.worker-[\w-]+\.js$/)]);

  // Live: the sentences land while the candidate is still speaking (before "Done").
  await expect(page.getByTestId('partial-transcript')).toBeVisible();
  await expect(answer).toHaveValue(new RegExp(`^${escape(first)}`), { timeout: 15_000 });
  await expect(answer).toHaveValue(new RegExp(`^${escape(`${first} ${second}`)}`), { timeout: 15_000 });
  await expect(page.getByTestId('mic-done')).toBeVisible();

  // "Done" by the space bar (focus on no control), just after the last sentence ends.
  const lastEnd = sentences.at(-1)?.end ?? NaN;
  await page.waitForTimeout(Math.max(0, clickedAt + (lastEnd + 0.35) * 1000 - Date.now()));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  const doneAt = Date.now();
  await expect(answer).toHaveValue(`${first} ${second} ${third}`, { timeout: 10_000 });
  const landedAfterDoneMs = Date.now() - doneAt;
  // Closing the microphone's audio context can take a while on a busy machine.
  await expect(page.getByTestId('mic-start')).toBeVisible({ timeout: 30_000 });
  await expect(answer).toBeFocused();
  // Kept for editing: nothing was sent.
  await expect(sentAnswers(page)).toHaveCount(0);
  await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer');

  // What RunPod received: the fixture's audio, in place and in shape, each sentence whole, no long silence.
  expect(voice.located.length).toBe(runpod.received.length);
  for (const clip of voice.located) {
    // Measured: envelopes 0.86 to 0.99, and once 0.72 for the first clip (the microphone's gain control settles in
    // the first second), waveforms about 0.8 after Chromium's echo cancellation, noise suppression and two
    // resamplings; one second off, near 0. The waveform and its control are what tell the source from other sound.
    expect(clip.envelopeCorrelation, `envelope of the clip at ${clip.start.toFixed(2)} s`).toBeGreaterThan(0.65);
    expect(clip.waveformCorrelation, `waveform of the clip at ${clip.start.toFixed(2)} s`).toBeGreaterThan(0.6);
    expect(Math.abs(clip.offByOneSecond), `the clip at ${clip.start.toFixed(2)} s placed 1 s later`).toBeLessThan(0.3);
    expect(clip.input).toMatchObject({ model: 'small', language: 'en', enable_vad: true, no_speech_threshold: 0.45 });
  }
  // Each sentence is all there: in one clip, or in clips that meet (a segment split at a pause inside it).
  for (const sentence of sentences) {
    expect(uncovered(voice.located, sentence.start + 0.05, sentence.end - 0.05), sentence.text).toEqual([]);
  }
  for (const [before, after] of [
    [sentences[0], sentences[1]],
    [sentences[1], sentences[2]],
  ]) {
    const middle = ((before?.end ?? NaN) + (after?.start ?? NaN)) / 2;
    expect(voice.located.filter((clip) => clip.start < middle && clip.start + clip.seconds > middle)).toEqual([]);
  }
  expect(voice.located.at(-1)?.input.initial_prompt).toContain(second);
  const sentSeconds = voice.located.reduce((sum, clip) => sum + clip.seconds, 0);
  const spoken = spokenSeconds(voice.source.info);
  expect(sentSeconds).toBeLessThanOrEqual(1.5 * spoken);

  // The candidate corrects a word and sends it like a typed answer; the timings go with it.
  await answer.fill(`${first} ${second} ${third}`.replace('event pipeline', 'event-driven pipeline'));
  await answer.press('Control+Enter');
  await expect(page.getByTestId('transcript').locator('li[data-role="candidate"]')).toContainText('event-driven pipeline');
  const [stored] = await storedAnswers(page);
  expect(stored?.listening?.audioSecondsSent).toBeCloseTo(sentSeconds, 0);
  expect(Math.abs((stored?.listening?.spokenSeconds ?? 0) - spoken)).toBeLessThan(1);
  const speechEndToReady = (stored?.listening?.transcriptReadyAt ?? NaN) - (stored?.listening?.speechEndAt ?? NaN);
  // A measurement, not a budget (budgets are for benchmarks): only its sign is checked.
  expect(speechEndToReady).toBeGreaterThan(0);
  test.info().annotations.push({
    type: 'measured',
    description: `spoken ${spoken.toFixed(2)} s, sent ${sentSeconds.toFixed(2)} s in ${voice.located.length} clips (${(sentSeconds / spoken).toFixed(2)}×); speech end → transcript ready ${speechEndToReady} ms; Done → text landed ${landedAfterDoneMs} ms; correlation envelope ≥ ${Math.min(...voice.located.map((c) => c.envelopeCorrelation)).toFixed(3)}, waveform ≥ ${Math.min(...voice.located.map((c) => c.waveformCorrelation)).toFixed(3)} (1 s off ≤ ${Math.max(...voice.located.map((c) => Math.abs(c.offByOneSecond))).toFixed(3)})`,
  });
});

test.describe('with RunPod failing', () => {
  // The browser logs each failed request itself; the app retries them.
  test.use({ allowedConsoleErrors: [/status of 502/] });

  test('a failed transcription is retried, then shown with a retry that works', async ({ page, runpod, voice }) => {
    const [first, second] = voice.source.info.sentences.map((s) => s.text);
    await startInterview(page, 3);
    await awaitQuestion(page);
    // The first sentence fails on RunPod three times: every try the app makes.
    voice.fail = { sentence: 0, times: 3 };
    await startSpeaking(page);
    const error = page.getByTestId('mic-error');
    await expect(error).toContainText('CUDA failed with error out of memory', { timeout: 30_000 });
    await expect(error).toHaveAttribute('role', 'alert');
    // Three tries of the same audio, paced by the backoff (with its jitter, at least half of each step: 0.5 s, then 1 s).
    const tries = runpod.received.filter((received) => Buffer.from(received.audio).equals(Buffer.from(runpod.received[0]?.audio ?? [])));
    expect(tries).toHaveLength(3);
    const leastBackoffMs = backoffDelayMs(1, () => 0) + backoffDelayMs(2, () => 0);
    expect((tries[2]?.receivedAt ?? 0) - (tries[0]?.receivedAt ?? 0)).toBeGreaterThanOrEqual(leastBackoffMs);
    // Nothing is sent half-transcribed: what came after waits for the first sentence.
    await expect(page.getByTestId('send-answer')).toHaveAttribute('aria-disabled', 'true');
    await expect(page.getByTestId('answer')).toHaveValue('');
    expect(await seriousViolations(page)).toEqual([]);

    // "Done" while a part has failed, once the second sentence is all heard: nothing is sent until every word is in.
    await heardWhole(voice, 1);
    await page.getByTestId('mic-done').click();
    await expect(page.getByTestId('mic-start')).toBeVisible();
    await expect(sentAnswers(page)).toHaveCount(0);
    await error.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('mic-error')).toHaveCount(0, { timeout: 10_000 });
    // Every word in, in order: the whole answer is sent, as "Done" asked.
    await expect(sentAnswers(page)).toHaveText(new RegExp(`^${escape(`${first} ${second}`)}`), { timeout: 10_000 });
    await expect(page.getByTestId('answer')).toHaveValue('');
  });

  test('a part given up on ("Type that part instead") is never sent half: the rest stays in the box to complete', async ({ page, voice }) => {
    const [, second] = voice.source.info.sentences.map((s) => s.text);
    await startInterview(page, 3);
    await awaitQuestion(page);
    voice.fail = { sentence: 0, times: 3 };
    await startSpeaking(page);
    const error = page.getByTestId('mic-error');
    await expect(error).toContainText('CUDA failed with error out of memory', { timeout: 30_000 });
    // The second sentence is heard whole (and waits behind the first) before "Done".
    await heardWhole(voice, 1);
    await page.getByTestId('mic-done').click();
    await error.getByRole('button', { name: 'Type that part instead' }).click();
    const answer = page.getByTestId('answer');
    await expect(answer).toHaveValue(new RegExp(`^${escape(second)}`), { timeout: 10_000 });
    await expect(answer).toBeFocused();
    await expect(page.getByTestId('mic-start')).toBeVisible();
    await expect(sentAnswers(page)).toHaveCount(0);
    await expect(page.getByTestId('interview-status')).toHaveAttribute('data-phase', 'awaiting-answer');
  });
});

test('by default, "Done" sends the spoken answer as soon as its last words are in, with its timing', async ({ page, voice }) => {
  const { sentences } = voice.source.info;
  const [first, second, third] = sentences.map((s) => s.text);
  await startInterview(page, 3);
  await awaitQuestion(page);
  await expect(page.getByText('Speak your answer and press Done: it is sent once the words are in.')).toBeVisible();
  await page.getByTestId('mic-start').click();
  const clickedAt = Date.now();
  await expect(page.locator('[data-vad]')).toHaveAttribute('data-vad', 'silero', { timeout: 60_000 });
  const answer = page.getByTestId('answer');
  await expect(answer).toHaveValue(new RegExp(`^${escape(`${first} ${second}`)}`), { timeout: 20_000 });
  // Nothing is sent while the candidate is still speaking.
  await expect(sentAnswers(page)).toHaveCount(0);

  // "Done" just after the last sentence ends.
  await page.waitForTimeout(Math.max(0, clickedAt + ((sentences.at(-1)?.end ?? NaN) + 0.35) * 1000 - Date.now()));
  await page.getByTestId('mic-done').click();
  await expect(sentAnswers(page)).toHaveText(`${first} ${second} ${third}`, { timeout: 10_000 });
  await expect(sentAnswers(page)).toHaveCount(1);
  await expect(answer).toHaveValue('');
  // The interview goes on to the next question, and the answer is stored with its spoken timing.
  await expect(page.getByTestId('transcript').locator('li[data-role="interviewer"]')).toHaveCount(2, { timeout: 15_000 });
  await expect.poll(async () => (await storedAnswers(page))[0]?.listening?.spokenSeconds ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  expect((await storedAnswers(page)).map((entry) => entry.text)).toEqual([`${first} ${second} ${third}`]);
});

test('while the transcription server starts up, the candidate is told so, and the words land once it is ready', async ({ page, voice }) => {
  const [first] = voice.source.info.sentences.map((s) => s.text);
  await startInterview(page, 3);
  await awaitQuestion(page);
  // Every worker is down: the first clip waits in RunPod's queue while one starts.
  voice.slow = { sentence: 0, timing: { queueMs: 12_000, coldStart: true } };
  await startSpeaking(page);
  const wait = page.getByTestId('stt-server-wait');
  await expect(wait).toHaveText(/The transcription server is starting up/, { timeout: 20_000 });
  await expect(wait).toHaveAttribute('role', 'status');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(page.getByTestId('answer')).toHaveValue(new RegExp(`^${escape(first)}`), { timeout: 30_000 });
  await expect(wait).toHaveText('');
  await page.getByTestId('mic-done').click();
});

test('a reload in the middle of an answer keeps the words transcribed and the audio not yet transcribed', async ({ page, voice }) => {
  const [first, second, third] = voice.source.info.sentences.map((s) => s.text);
  await startInterview(page, 3);
  await awaitQuestion(page);
  // The second sentence's transcript is slow to come: it is still on its way when the page reloads.
  voice.slow = { sentence: 1, timing: { runMs: 15_000 } };
  await startSpeaking(page);
  await expect(page.getByTestId('answer')).toHaveValue(first ?? '', { timeout: 15_000 });
  expect(await seriousViolations(page)).toEqual([]);
  // The second sentence's first clip is at RunPod (the whole sentence, or its start when a pause inside it split it).
  const holdsSecondSentence = (clip: LocatedClip) => clip.start < 8.5 && clip.start + clip.seconds > 5.5;
  await expect.poll(() => voice.located.some((clip) => holdsSecondSentence(clip) && clip.start < 6), { timeout: 15_000 }).toBe(true);

  const jobsBeforeReload = voice.located.length;
  voice.slow = null;
  await page.reload();
  await awaitQuestion(page);
  // Each sentence once, in order; of the third, what was spoken (and stored, once a second) before the reload.
  const answer = page.getByTestId('answer');
  await expect(answer).toHaveValue(new RegExp(`^${escape(`${first} ${second}`)}`), { timeout: 30_000 });
  const rest = (await answer.inputValue()).slice(`${first} ${second}`.length);
  expect(` ${third}`.startsWith(rest), `"${rest}" is the start of the third sentence`).toBe(true);
  // The job RunPod had of the second sentence was resumed under its clip id, not sent again. (When the candidate's
  // voice went on past an early clip, that clip was only a preview, and the sentence's clip is longer; it is sent.)
  const sentBefore = voice.located.slice(0, jobsBeforeReload).filter(holdsSecondSentence);
  const sameClip = (a: LocatedClip, b: LocatedClip) => Math.abs(a.start - b.start) < 0.05 && Math.abs(a.seconds - b.seconds) < 0.05;
  const resent = voice.located.slice(jobsBeforeReload).filter((clip) => sentBefore.some((before) => sameClip(before, clip)));
  expect(resent).toEqual([]);
  await expect(page.getByTestId('mic-start')).toBeVisible();
});

test('the setup panel opens the microphone, lists it, shows its level, plays a 5-second check back and keeps the settings', async ({ page }) => {
  await page.goto('/');
  await openSettings(page);
  await page.getByTestId('mic-test').click();
  const device = page.getByTestId('mic-device');
  await expect(device).toBeVisible();
  // "System default" and Chromium's fake microphones, by name.
  await expect(device.locator('option')).toContainText(['System default', 'Fake Audio Input 1']);
  await device.selectOption({ label: 'Fake Audio Input 1' });
  await expect(page.getByTestId('mic-check')).toBeVisible();
  await expect.poll(() => page.getByTestId('mic-level').evaluate((meter) => (meter as HTMLMeterElement).value), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await seriousViolations(page)).toEqual([]);

  const check = page.getByTestId('mic-check');
  await check.click();
  await expect(check).toContainText(/Recording… [1-5] s/);
  await expect(check).toContainText('Playing back', { timeout: 10_000 });
  await expect(page.getByText('Did you hear yourself clearly?')).toBeVisible({ timeout: 10_000 });

  await page.getByTestId('stt-language').selectOption('de');
  await page.getByTestId('stt-model').selectOption('turbo');
  await page.getByTestId('stt-auto-finish').selectOption('4');
  await expect(page.getByTestId('stt-review')).not.toBeChecked();
  await page.getByTestId('stt-review').check();
  await page.reload();
  await openSettings(page);
  await expect(page.getByTestId('stt-language')).toHaveValue('de');
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('xquizit:stt-settings') ?? '{}') as { deviceId?: string })).toMatchObject({ deviceId: expect.stringMatching(/^[0-9a-f]{16,}$/) });
  await expect(page.getByTestId('stt-model')).toHaveValue('turbo');
  await expect(page.getByTestId('stt-auto-finish')).toHaveValue('4');
  await expect(page.getByTestId('stt-review')).toBeChecked();
});
