// The Kokoro engine in real Chromium: the TTS worker, transformers.js and ONNX Runtime's WASM loading the tiny test
// model from this server (MODELS_DIR), under the proxy's COOP/COEP and CSP, driven through the TTS bench page.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import type { TtsBenchApi, TtsBenchFailure, TtsBenchLoad, TtsBenchPiece } from '../bench/tts/page/main.ts';
import { expect, startProxy, test as base } from './harness/index.ts';
import { REPO_ROOT, TEST_MODELS_DIR } from './harness/paths.ts';

const WEB_DIR = path.join(REPO_ROOT, 'web');
const MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'];
const SHORT = 'Hello.';
const LONG = 'Tell me about a time you led a migration under a tight deadline.';

/** Builds bench/tts into a folder of its own (once per Playwright worker); the proxy serves it as WEB_DIST. */
function buildBench(): string {
  const outDir = mkdtempSync(path.join(tmpdir(), 'xquizit-tts-bench-'));
  const env = { ...process.env };
  // Playwright's loader hooks ride in NODE_OPTIONS; Vite must run as it does from the command line.
  delete env.NODE_OPTIONS;
  const vite = path.join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'bench/tts/vite.config.ts', '--outDir', outDir], { cwd: WEB_DIR, env, encoding: 'utf8' });
  if (result.status !== 0 || !existsSync(path.join(outDir, 'index.html'))) {
    throw new Error(`Building the TTS bench failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return outDir;
}

const test = base.extend<{ requests: Request[]; workerConsole: string[] }, { benchDist: string }>({
  benchDist: [
    async ({}, use) => {
      const dir = buildBench();
      await use(dir);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  proxyEnv: async ({ benchDist }, use) => {
    await use({ WEB_DIST: benchDist });
  },
  requests: async ({ page }, use) => {
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await use(requests);
  },
  // Errors and warnings logged inside the TTS worker (transformers.js, ONNX Runtime, kokoro-js).
  workerConsole: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('worker', (worker) => {
      worker.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') messages.push(`${message.type()}: ${message.text()}`);
      });
    });
    await use(messages);
  },
});

async function openBench(page: Page): Promise<void> {
  await page.goto('/index.html');
  await page.waitForFunction(() => 'xquizitTtsBench' in window);
}

type BenchWindow = { xquizitTtsBench: TtsBenchApi };

const environmentOf = (page: Page) => page.evaluate(() => (window as unknown as BenchWindow).xquizitTtsBench.environment());

const load = (page: Page, options: { threads?: number } = {}) =>
  page.evaluate((value) => (window as unknown as BenchWindow).xquizitTtsBench.load(value), options);

const speak = (page: Page, text: string, voice = 'af_bella', speed = 1) =>
  page.evaluate(([t, v, s]) => (window as unknown as BenchWindow).xquizitTtsBench.synthesize(t, v, s), [text, voice, speed] as const);

function loaded(result: TtsBenchLoad | TtsBenchFailure): TtsBenchLoad {
  if ('failed' in result) throw new Error(`load failed: ${result.message}`);
  return result;
}

function spoken(result: TtsBenchPiece | TtsBenchFailure): TtsBenchPiece {
  if ('failed' in result) throw new Error(`synthesis failed: ${result.message}`);
  return result;
}

const pathsOf = (requests: Request[], origin: string) => requests.map((request) => request.url()).filter((url) => url.startsWith(origin)).map((url) => new URL(url).pathname);

test.describe('the Kokoro worker on the tiny model', () => {
  test('loads from this server with WASM threads under cross-origin isolation, and speaks', async ({ page, proxyURL, requests, workerConsole }) => {
    await openBench(page);
    const environment = await environmentOf(page);
    expect(environment).toMatchObject({ crossOriginIsolated: true, blocker: null });

    // Two threads whatever the cores, to prove ONNX Runtime's threads start from our own .mjs under COEP.
    const result = loaded(await load(page, { threads: 2 }));
    expect(result.info).toEqual({ device: 'wasm', dtype: 'q8', threads: 2 });
    expect(result.files.map((file) => file.file).sort()).toEqual([...MODEL_FILES].sort());
    for (const file of result.files) expect(file.total, file.file).toBeGreaterThan(0);
    expect(result.summary.percent).toBe(100);
    expect(result.progressEvents).toBeGreaterThanOrEqual(MODEL_FILES.length);
    await expect(page.locator('#progress')).toHaveAttribute('value', '100');

    const short = spoken(await speak(page, SHORT));
    const long = spoken(await speak(page, LONG));
    const again = spoken(await speak(page, LONG));
    expect(short.sampleRate).toBe(24_000);
    expect(long.samples).toBeGreaterThan(4 * short.samples);
    expect(short.samples % 600).toBe(0);
    expect(long.peak).toBeGreaterThan(0.25);
    expect(again.samples).toBe(long.samples);
    expect(again.checksum).toBe(long.checksum);
    expect(long.ownBuffer).toBe(true);
    // The worker times the ONNX run apart from phonemization.
    expect(long.onnxMs).toBeGreaterThan(0);
    expect(long.onnxMs).toBeLessThanOrEqual(long.synthesisMs);

    const fast = spoken(await speak(page, LONG, 'af_bella', 2));
    expect(fast.samples).toBe(long.samples / 2);
    const george = spoken(await speak(page, LONG, 'bm_george'));
    expect(george.samples).toBe(long.samples);
    expect(george.checksum).not.toBe(long.checksum);

    // Everything from our own origin: no CDN for ONNX Runtime, no Hugging Face for voices or the model.
    const urls = requests.map((request) => request.url());
    expect(urls.filter((url) => !url.startsWith(proxyURL) && !url.startsWith('data:'))).toEqual([]);
    const paths = pathsOf(requests, proxyURL);
    expect(paths).toEqual(expect.arrayContaining(['/ort/ort-wasm-simd-threaded.jsep.mjs', '/ort/ort-wasm-simd-threaded.jsep.wasm', '/voices/af_bella.bin', '/voices/bm_george.bin']));
    for (const file of MODEL_FILES) expect(paths).toContain(`/models/onnx-community/Kokoro-82M-v1.0-ONNX/${file}`);
    // ONNX Runtime's glue is fetched again by each WASM thread it starts.
    expect(paths.filter((p) => p === '/ort/ort-wasm-simd-threaded.jsep.mjs').length).toBeGreaterThanOrEqual(2);
    expect(paths.filter((p) => p.startsWith('/assets/') && p.endsWith('.wasm'))).toEqual([]);
    expect(workerConsole).toEqual([]);
  });

  test('picks its thread count from the cores when not told', async ({ page }) => {
    await openBench(page);
    const { cores } = await environmentOf(page);
    const result = loaded(await load(page));
    expect(result.info.threads).toBe(Math.max(1, Math.min(4, Math.floor(cores / 2))));
    expect(spoken(await speak(page, SHORT)).samples).toBeGreaterThan(0);
  });

  test('a second visit loads the model and the voice from Cache Storage, with no network', async ({ page, proxyURL, requests }) => {
    await openBench(page);
    loaded(await load(page));
    spoken(await speak(page, SHORT));
    await page.reload();
    await page.waitForFunction(() => 'xquizitTtsBench' in window);
    const before = requests.length;
    expect(pathsOf(requests, proxyURL)).toContain('/models/onnx-community/Kokoro-82M-v1.0-ONNX/onnx/model_quantized.onnx');
    loaded(await load(page));
    spoken(await speak(page, SHORT));
    const second = pathsOf(requests.slice(before), proxyURL);
    expect(second.filter((p) => p.startsWith('/models/') || p.startsWith('/voices/'))).toEqual([]);
  });

  test('answers an unknown voice with a synthesis error and keeps speaking', async ({ page }) => {
    await openBench(page);
    loaded(await load(page));
    const failed = await speak(page, SHORT, 'ef_dora');
    expect(failed).toMatchObject({ failed: true, name: 'TtsEngineError', code: 'synthesis-failed', message: expect.stringContaining('ef_dora') });
    expect(spoken(await speak(page, SHORT)).samples).toBeGreaterThan(0);
  });
});

test.describe('when this server has no models', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });

  test('the load fails with a clear error', async ({ page, benchDist }) => {
    const proxy = await startProxy({ WEB_DIST: benchDist, MODELS_DIR: undefined });
    try {
      await page.goto(`${proxy.url}/index.html`);
      await page.waitForFunction(() => 'xquizitTtsBench' in window);
      const failed = await load(page);
      expect(failed).toMatchObject({ failed: true, name: 'TtsEngineError', code: 'load-failed', message: expect.stringContaining('The voice model did not load') });
      expect(await speak(page, SHORT)).toMatchObject({ failed: true, code: 'not-loaded' });
    } finally {
      await proxy.stop();
    }
  });
});

test.describe('the app build', () => {
  test('serves what the engine fetches from its own origin', async ({ request }) => {
    const proxy = await startProxy({ MODELS_DIR: TEST_MODELS_DIR });
    try {
      const health = await (await request.get(`${proxy.url}/api/health`)).json();
      expect(health.models).toEqual({ baseUrl: '/models/' });
      for (const [file, type] of [
        ['/ort/ort-wasm-simd-threaded.jsep.mjs', /javascript/],
        ['/ort/ort-wasm-simd-threaded.jsep.wasm', /application\/wasm/],
        ['/voices/af_bella.bin', /octet-stream/],
        ['/models/onnx-community/Kokoro-82M-v1.0-ONNX/onnx/model_quantized.onnx', /octet-stream/],
      ] as const) {
        const response = await request.head(`${proxy.url}${file}`);
        expect(response.status(), file).toBe(200);
        expect(response.headers()['content-type'], file).toMatch(type);
        expect(Number(response.headers()['content-length']), file).toBeGreaterThan(0);
      }
    } finally {
      await proxy.stop();
    }
  });
});
