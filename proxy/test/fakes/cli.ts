// Runs the fakes for another process (benchmarks, manual demos): prints one JSON line with their URLs, then serves
// until SIGTERM or SIGINT. FAKE_GEMINI_REPLY (a GeminiReply as JSON) and FAKE_OPENAI_REPLY (an OpenAiReply) set every answer.
import { startFakeGemini, startFakeOpenAi, startFakeRunpod, type GeminiReply, type OpenAiReply } from './index.ts';

const endpointId = 'fake-endpoint';
const host = process.env['FAKE_HOST'] ?? '127.0.0.1';
const fixedReply = process.env['FAKE_GEMINI_REPLY'] ? (JSON.parse(process.env['FAKE_GEMINI_REPLY']) as GeminiReply) : undefined;
const gemini = await startFakeGemini({
  apiKey: process.env['FAKE_GEMINI_KEY'] ?? 'fake-gemini-key',
  host,
  ...(fixedReply ? { respond: () => fixedReply } : {}),
});
const fixedOpenAiReply = process.env['FAKE_OPENAI_REPLY'] ? (JSON.parse(process.env['FAKE_OPENAI_REPLY']) as OpenAiReply) : undefined;
const openai = await startFakeOpenAi({
  family: 'ollama',
  host,
  models: ['fake-model'],
  ...(fixedOpenAiReply ? { respond: () => fixedOpenAiReply } : {}),
});
const runpod = await startFakeRunpod({ apiKey: process.env['FAKE_RUNPOD_KEY'] ?? 'fake-runpod-key', endpointId, host });
process.stdout.write(`${JSON.stringify({ gemini: gemini.url, openai: openai.url, runpod: runpod.url, endpointId })}\n`);

const stop = async (): Promise<void> => {
  await Promise.all([gemini.close(), openai.close(), runpod.close()]);
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
