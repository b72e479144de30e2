// `pnpm screenshots`: every screen at 390 and 1280 px wide, light and dark, through the real proxy and the fakes
// (the e2e harness), written to web/screenshots/out/ (not committed) for a person to look at. Nothing is asserted
// about looks; the run fails only when a screen cannot be reached.
import { defineConfig } from '@playwright/test';
import base from '../../playwright.config.ts';
import type { HarnessOptions } from '../e2e/harness/index.ts';

const app = base.projects?.find((project) => project.name === 'app');

export default defineConfig<HarnessOptions>({
  ...base,
  testDir: '.',
  testMatch: '**/*.shots.ts',
  outputDir: '../../test-results/screenshots',
  workers: 1,
  timeout: 120_000,
  projects: [{ name: 'screenshots', use: { ...app?.use } }],
});
