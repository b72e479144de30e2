// `pnpm demo`: the proxy in demo mode, its upstreams the fakes playing a scripted interviewer (as Gemini and as a
// local Ollama, so both providers can be picked), so no keys are needed.
import { demoCandidate, demoInterviewer, demoOpenAiInterviewer, startFakeGemini, startFakeOpenAi, startFakeRunpod } from '../test/fakes/index.ts';
import { runFromEnvironment } from './main.ts';

const DEMO_KEYS = { gemini: 'demo-gemini-key', runpod: 'demo-runpod-key', endpoint: 'demo-endpoint' } as const;

const gemini = await startFakeGemini({ apiKey: DEMO_KEYS.gemini, respond: demoInterviewer });
const openai = await startFakeOpenAi({ family: 'ollama', models: ['qwen3:8b'], respond: demoOpenAiInterviewer });
const runpod = await startFakeRunpod({ apiKey: DEMO_KEYS.runpod, endpointId: DEMO_KEYS.endpoint, respond: demoCandidate });
await runFromEnvironment({
  XQUIZIT_DEMO: '1',
  GEMINI_API_KEY: DEMO_KEYS.gemini,
  GEMINI_BASE_URL: gemini.url,
  OPENAI_BASE_URL: openai.url,
  OPENAI_MODEL: 'qwen3:8b',
  RUNPOD_API_KEY: DEMO_KEYS.runpod,
  RUNPOD_ENDPOINT_ID: DEMO_KEYS.endpoint,
  RUNPOD_BASE_URL: runpod.url,
  RUNPOD_POLL_INTERVAL_MS: '200',
});
