// Playwright fixtures: fake Gemini, OpenAI-compatible server and RunPod in-process, the real proxy as a child process,
// browser checks. Per-spec options: `test.use({ proxyEnv: { PROXY_TOKENS: 'secret-1' }, upstreams: false, llm: ['openai'], serverSpeech: false, interviewerVoice: 'kokoro' })`.
import { test as base, expect } from '@playwright/test';
import {
  demoInterviewer,
  demoOpenAiInterviewer,
  startFakeGemini,
  startFakeOpenAi,
  startFakeRunpod,
  type FakeGemini,
  type FakeOpenAi,
  type FakeRunpod,
  type OpenAiFamily,
} from '../../../proxy/test/fakes/index.ts';
import { VOICE_SETTINGS_KEY } from '../../src/lib/speech/tts/voice-settings.ts';
import { TEST_MODELS_DIR } from './paths.ts';
import { startProxy, type ProxyEnv, type RunningProxy } from './proxy-process.ts';

/** The Gemini key the proxy is given and the fake expects. */
export const FAKE_GEMINI_KEY = 'e2e-gemini-key';
/** The key the proxy is given for the OpenAI-compatible server and the fake expects. */
export const FAKE_OPENAI_KEY = 'e2e-openai-key';
/** The models the fake OpenAI-compatible server has and the proxy allows, the default first. */
export const FAKE_OPENAI_MODELS = ['qwen3:8b', 'llama3.2'] as const;
/** The RunPod key the proxy is given and the fake expects. */
export const FAKE_RUNPOD_KEY = 'e2e-runpod-key';
/** The RunPod endpoint id the proxy is given and the fake serves. */
export const FAKE_RUNPOD_ENDPOINT = 'e2e-endpoint';

/** Options a spec can set with `test.use(...)`. */
export interface HarnessOptions {
  /** Extra proxy environment (e.g. PROXY_TOKENS, XQUIZIT_DEMO); `undefined` unsets a variable. */
  proxyEnv: ProxyEnv;
  /** Point the proxy at the fakes with keys (true, default) or start it with no upstream keys (false). */
  upstreams: boolean;
  /** Which LLM providers the proxy is given, the default first (LLM_PROVIDER); Gemini alone unless a spec says otherwise. */
  llm: readonly ('gemini' | 'openai')[];
  /** Which server family the fake OpenAI-compatible server speaks as. */
  openAiFamily: OpenAiFamily;
  /** Give the proxy the fake RunPod (true, default) or no speech service (false: spoken answers are recognized on the device). */
  serverSpeech: boolean;
  /** Console errors a spec expects (e.g. a refused connection while the proxy is stopped). */
  allowedConsoleErrors: RegExp[];
  /**
   * The interviewer's voice a fresh page starts with: 'kokoro' (the app's default: the test model through ONNX
   * Runtime) or 'off' (text only). Specs not about the voice run text only, so ONNX Runtime is not compiled in every
   * browser at once; the voice specs (the 'voice' project in playwright.config.ts) run Kokoro.
   */
  interviewerVoice: 'kokoro' | 'off';
}

/** What the page saw that a healthy app never causes. */
export interface BrowserIssues {
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
  /** CSP violations reported by any document the page showed, as "directive blocked-uri". */
  cspViolations: string[];
}

/** Fixtures a spec can ask for. */
export interface HarnessFixtures {
  /** The fake Gemini the proxy talks to. */
  gemini: FakeGemini;
  /** The fake OpenAI-compatible server the proxy talks to when `llm` includes it. */
  openai: FakeOpenAi;
  /** The fake RunPod the proxy talks to. */
  runpod: FakeRunpod;
  /** The running proxy process (not `proxy`: that name is Playwright's browser proxy option). */
  proxyProcess: RunningProxy;
  /** The proxy's base URL; also the page's baseURL. */
  proxyURL: string;
  /** Console errors and CSP violations of `page`; checked automatically at the end of each test. */
  browserIssues: BrowserIssues;
}

/** The e2e `test`, with the harness fixtures. */
export const test = base.extend<HarnessOptions & HarnessFixtures>({
  proxyEnv: [{}, { option: true }],
  upstreams: [true, { option: true }],
  llm: [['gemini'], { option: true }],
  openAiFamily: ['ollama', { option: true }],
  serverSpeech: [true, { option: true }],
  allowedConsoleErrors: [[], { option: true }],
  interviewerVoice: ['off', { option: true }],

  gemini: async ({}, use) => {
    // Answers the app's real requests (analysis JSON, decision-first turns) like the demo's interviewer.
    const gemini = await startFakeGemini({ apiKey: FAKE_GEMINI_KEY, respond: demoInterviewer });
    await use(gemini);
    await gemini.close();
  },

  openai: async ({ openAiFamily }, use) => {
    // The same scripted interviewer, answering as a thinking model on a local server would.
    const openai = await startFakeOpenAi({ family: openAiFamily, apiKey: FAKE_OPENAI_KEY, models: FAKE_OPENAI_MODELS, respond: demoOpenAiInterviewer });
    await use(openai);
    await openai.close();
  },

  runpod: async ({}, use) => {
    const runpod = await startFakeRunpod({ apiKey: FAKE_RUNPOD_KEY, endpointId: FAKE_RUNPOD_ENDPOINT });
    await use(runpod);
    await runpod.close();
  },

  proxyProcess: async ({ gemini, openai, runpod, upstreams, llm, serverSpeech, proxyEnv }, use) => {
    const geminiEnv: ProxyEnv = llm.includes('gemini') ? { GEMINI_API_KEY: FAKE_GEMINI_KEY, GEMINI_BASE_URL: gemini.url } : {};
    const openAiEnv: ProxyEnv = llm.includes('openai')
      ? { OPENAI_BASE_URL: openai.url, OPENAI_API_KEY: FAKE_OPENAI_KEY, OPENAI_MODELS: FAKE_OPENAI_MODELS.join(',') }
      : {};
    const upstreamEnv: ProxyEnv = upstreams
      ? {
          ...geminiEnv,
          ...openAiEnv,
          ...(llm[0] ? { LLM_PROVIDER: llm[0] } : {}),
          ...(serverSpeech ? { RUNPOD_API_KEY: FAKE_RUNPOD_KEY, RUNPOD_ENDPOINT_ID: runpod.endpointId, RUNPOD_BASE_URL: runpod.url } : {}),
        }
      : {};
    // The interviewer's voice loads the tiny test model from this server: no spec downloads a model.
    const proxy = await startProxy({ MODELS_DIR: TEST_MODELS_DIR, ...upstreamEnv, ...proxyEnv });
    await use(proxy);
    await proxy.stop();
  },

  proxyURL: async ({ proxyProcess }, use) => {
    await use(proxyProcess.url);
  },

  baseURL: async ({ proxyURL }, use) => {
    await use(proxyURL);
  },

  browserIssues: [
    async ({ page, allowedConsoleErrors, interviewerVoice }, use) => {
      if (interviewerVoice === 'off') {
        // Only where nothing is saved yet: a spec that changes the voice settings keeps its choice across reloads.
        await page.addInitScript((key) => {
          // Warning: pages without an origin of their own (about:blank) have no localStorage: skip those.
          if (location.origin === 'null') return;
          if (localStorage.getItem(key) === null) localStorage.setItem(key, JSON.stringify({ mode: 'off' }));
        }, VOICE_SETTINGS_KEY);
      }
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const text = message.text();
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(text);
      });
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      const cspViolations: string[] = [];
      await page.exposeFunction('__xquizitReportCspViolation', (violation: string) => {
        cspViolations.push(violation);
      });
      // Init scripts and exposed functions are injected by the browser, outside the page's CSP.
      await page.addInitScript(() => {
        const report = (window as unknown as { __xquizitReportCspViolation: (violation: string) => void }).__xquizitReportCspViolation;
        document.addEventListener('securitypolicyviolation', (event) => {
          report(`${event.violatedDirective} ${event.blockedURI || '(inline)'} ${event.sourceFile}:${event.lineNumber}`);
        });
      });
      await use({ errors, cspViolations });
      expect(cspViolations, 'CSP violations').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
