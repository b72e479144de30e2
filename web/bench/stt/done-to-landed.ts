// The browser half of `pnpm bench:stt`: spoken answers in the real built app served by the real proxy (fake Gemini,
// fake RunPod at the bench:turn latency profile, the test models), once with RunPod and once with this device, in
// the same run: Done → the words landed (Send enabled) per answer, and every voice-activity frame's delay.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { demoCandidate, demoInterviewer, startFakeGemini, startFakeRunpod } from '../../../proxy/test/fakes/index.ts';
import { readWav } from '../../../proxy/test/fakes/runpod-audio.ts';
import { JOB, RESUME, startProxy, TEST_MODELS_DIR } from '../../e2e/harness/index.ts';
import type { SttEngineKind } from '../../src/lib/speech/stt/engine.ts';
import { STT_SETTINGS_KEY } from '../../src/lib/speech/stt/settings.ts';
import { ANSWER_WAV_PATH } from '../../src/lib/speech/stt/testdata/fixtures.ts';
import { decodeWav, encodeWav } from '../../src/lib/speech/stt/wav.ts';
import { VOICE_SETTINGS_KEY } from '../../src/lib/speech/tts/voice-settings.ts';
import { installTurnHooks, pressDone } from '../turn/page-hooks.ts';
import { readProfile, runpodTiming, type LatencyProfile } from '../turn/profile.ts';
import { installFrameProbe, readFrameDelays, resetFrameDelays, type FrameDelay } from './frame-probe.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GEMINI_KEY = 'bench-gemini-key';
const RUNPOD_KEY = 'bench-runpod-key';
// A candidate presses Done a moment after their last word.
export const DONE_AFTER_MS = 300;

/** What one engine measured. */
export interface EngineRun {
  engine: SttEngineKind;
  /** Done → the answer's words all landed (Send enabled), per counted answer (ms). */
  doneToLanded: number[];
  frames: FrameDelay[];
}

/** What the browser half measured, with what it ran on. */
export interface BrowserResult {
  runs: EngineRun[];
  chromium: string;
  profile: LatencyProfile;
}

/** The first two sentences of the spoken fixture and a second of silence, as the fake microphone's file. */
function answerWav(): { file: string; lastWordSeconds: number } {
  const info = JSON.parse(readFileSync(new URL('../../src/lib/speech/stt/testdata/answer.json', import.meta.url), 'utf8')) as { sentences: { end: number }[] };
  const lastWordSeconds = info.sentences[1]?.end ?? 8.6;
  const decoded = decodeWav(new Uint8Array(readFileSync(ANSWER_WAV_PATH)));
  const dir = path.join(HERE, '..', 'dist', 'stt');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'answer.wav');
  writeFileSync(file, encodeWav(decoded.samples.subarray(0, Math.round((lastWordSeconds + 1) * decoded.sampleRate)), decoded.sampleRate));
  return { file, lastWordSeconds };
}

async function spokenAnswers(browser: Browser, url: string, engine: SttEngineKind, answers: number, lastWordSeconds: number): Promise<EngineRun> {
  const page: Page = await browser.newPage();
  await page.addInitScript(
    ([sttKey, voiceKey, chosen]) => {
      if (location.origin === 'null') return;
      localStorage.setItem(sttKey, JSON.stringify({ engine: chosen }));
      localStorage.setItem(voiceKey, JSON.stringify({ mode: 'off' }));
    },
    [STT_SETTINGS_KEY, VOICE_SETTINGS_KEY, engine] as const,
  );
  await installTurnHooks(page);
  await installFrameProbe(page);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(url);
  await page.getByTestId('resume-text').fill(RESUME);
  await page.getByTestId('jd-text').fill(JOB);
  await page.getByTestId('max-questions').fill(String(answers + 3));
  await page.getByTestId('max-questions').blur();
  await page.getByTestId('start-interview').click();
  const doneToLanded: number[] = [];
  // One warm-up answer (the models load), then the counted ones.
  for (let index = 0; index <= answers; index++) {
    await page.getByTestId('interview-status').and(page.locator('[data-phase="awaiting-answer"]')).waitFor({ timeout: 60_000 });
    await page.getByTestId('mic-start').click();
    await page.getByTestId('mic-done').waitFor({ timeout: 60_000 });
    const landed = answerLanded(page, await page.locator('[data-testid="transcript"] li[data-role="candidate"]').count());
    const doneAt = await pressDone(page, lastWordSeconds, DONE_AFTER_MS);
    const landedAt = await landed;
    if (index > 0) doneToLanded.push(landedAt - doneAt);
    else await resetFrameDelays(page);
  }
  const frames = await readFrameDelays(page);
  await page.close();
  return { engine, doneToLanded, frames };
}

/** Resolves with the moment the transcript holds more than `before` answers (Done sends one as soon as its words are in). */
function answerLanded(page: Page, before: number): Promise<number> {
  return page.evaluate(
    (count) =>
      new Promise<number>((resolve) => {
        // Warning: no named function constants in here: tsx would wrap them in a `__name` helper the page does not have.
        new MutationObserver((_records, observer) => {
          if (document.querySelectorAll('[data-testid="transcript"] li[data-role="candidate"]').length <= count) return;
          observer.disconnect();
          resolve(Date.now());
        }).observe(document.body, { subtree: true, childList: true });
      }),
    before,
  );
}

/** Runs `answers` spoken answers with RunPod, then with this device, in one browser against one proxy. */
export async function benchInBrowser(answers: number): Promise<BrowserResult> {
  const profile = readProfile([], process.env);
  const answer = answerWav();
  const gemini = await startFakeGemini({ apiKey: GEMINI_KEY, respond: demoInterviewer });
  const runpod = await startFakeRunpod({
    apiKey: RUNPOD_KEY,
    endpointId: 'bench-endpoint',
    respond: (received) => {
      const reply = demoCandidate(received);
      return reply.kind === 'completed' ? { ...reply, ...runpodTiming(readWav(received.audio)?.seconds ?? 0, profile) } : reply;
    },
  });
  const proxy = await startProxy({ GEMINI_API_KEY: GEMINI_KEY, GEMINI_BASE_URL: gemini.url, RUNPOD_API_KEY: RUNPOD_KEY, RUNPOD_ENDPOINT_ID: runpod.endpointId, RUNPOD_BASE_URL: runpod.url, MODELS_DIR: TEST_MODELS_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      // Warning: `%noloop` stops the file repeating; each new microphone stream plays it again from the start.
      `--use-file-for-fake-audio-capture=${answer.file}%noloop`,
    ],
  });
  try {
    const runs = [await spokenAnswers(browser, proxy.url, 'runpod', answers, answer.lastWordSeconds), await spokenAnswers(browser, proxy.url, 'device', answers, answer.lastWordSeconds)];
    return { runs, chromium: browser.version(), profile };
  } finally {
    await browser.close();
    await proxy.stop();
    await runpod.close();
    await gemini.close();
  }
}
