// `pnpm demo`: the proxy in demo mode, its upstreams the fakes playing a scripted interviewer, so no keys are needed.
import { demoCandidate, demoInterviewer, startFakeGemini, startFakeRunpod } from '../test/fakes/index.ts';
import { runFromEnvironment } from './main.ts';

const DEMO_KEYS = { gemini: 'demo-gemini-key', runpod: 'demo-runpod-key', endpoint: 'demo-endpoint' } as const;

const gemini = await startFakeGemini({ apiKey: DEMO_KEYS.gemini, respond: demoInterviewer });
const runpod = await startFakeRunpod({ apiKey: DEMO_KEYS.runpod, endpointId: DEMO_KEYS.endpoint, respond: demoCandidate });
await runFromEnvironment({
  XQUIZIT_DEMO: '1',
  GEMINI_API_KEY: DEMO_KEYS.gemini,
  GEMINI_BASE_URL: gemini.url,
  RUNPOD_API_KEY: DEMO_KEYS.runpod,
  RUNPOD_ENDPOINT_ID: DEMO_KEYS.endpoint,
  RUNPOD_BASE_URL: runpod.url,
  RUNPOD_POLL_INTERVAL_MS: '200',
});
