// Playwright configuration for the browser end-to-end specs in web/e2e/.
// No webServer block: each spec's fixtures start the real proxy and the fake upstreams on free ports.
// Two projects share the workers: 'app' (text only, specs in parallel) and 'voice' (ONNX Runtime in the speech worker
// for the interviewer's voice and the voice-activity model: CPU-heavy, so one spec at a time, with more time).
import { existsSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import type { HarnessOptions } from './web/e2e/harness/index.ts';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Specs that run ONNX Runtime (Kokoro, Silero) in the browser. */
const VOICE_SPECS = ['**/tts.spec.ts', '**/tts-engine.spec.ts', '**/voice-answer.spec.ts', '**/voice-answer-denied.spec.ts', '**/voice-answer-device.spec.ts', '**/voice-answer-device-reload.spec.ts', '**/stt-engine-choice.spec.ts'];

const chromium: PlaywrightTestConfig<HarnessOptions>['use'] = {
  browserName: 'chromium',
  launchOptions: {
    // Debian's chromium where it is installed (CI, offline); elsewhere Playwright's own browser.
    executablePath: process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  },
};

export default defineConfig<HarnessOptions>({
  testDir: 'web/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  reporter: 'list',
  // Warning: on a busy 2-core machine a page's first load (the app, pdf.js) takes seconds; specs wait on the app's
  // state with these bounds, which are there to end a stuck test, not to time anything.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'app', testIgnore: VOICE_SPECS, use: { ...chromium, interviewerVoice: 'off' } },
    { name: 'voice', testMatch: VOICE_SPECS, workers: 1, timeout: 120_000, use: { ...chromium, interviewerVoice: 'kokoro' } },
  ],
});
