// `pnpm eval:report`: the golden answers (strong, "fine", gibberish, empty, all "we", STAR with no result) judged
// three times each by the real model through the real proxy, with the app's own prompts and checks; it checks that
// the strong answer outscores the weak ones and that scores move by at most one point between runs. Needs
// GEMINI_API_KEY (it spends real calls, so it is not part of the tests or CI); without it, it says so and stops.
import { fileURLToPath } from 'node:url';
import { startProxy } from '../e2e/harness/index.ts';
import { createLlmClient, geminiProvider } from '../src/lib/llm/index.ts';
import { checkRuns, formatEval } from './report/checks.ts';
import { judgeGoldens } from './report/run.ts';

const key = process.env.GEMINI_API_KEY;
if (!key) {
  console.log('pnpm eval:report judges the golden answers with the real Gemini model and needs GEMINI_API_KEY; it is not set, so nothing was run.');
  process.exit(0);
}

const model = process.env.GEMINI_MODEL ?? 'gemini-2.5-flash';
const runs = Number(process.env.EVAL_RUNS ?? 3);
const proxy = await startProxy({ GEMINI_API_KEY: key, GEMINI_MODEL: model, GEMINI_MODELS: model, RATE_LIMIT_PER_MINUTE: '1000', WEB_DIST: fileURLToPath(new URL('../bench/page', import.meta.url)) });
const viaProxy: typeof fetch = (input, init) => fetch(new URL(String(input), proxy.url), init);
const llm = createLlmClient([geminiProvider]);

try {
  console.log(`pnpm eval:report · ${model} · ${String(runs)} runs per golden answer\n`);
  const results = await judgeGoldens({ generate: (request, options) => llm.generate({ ...request, model }, options), options: { fetch: viaProxy } }, runs, undefined, (name) => console.log(`judging ${name}…`));
  const checks = checkRuns(results);
  console.log(`\n${formatEval(results, checks)}`);
  process.exitCode = checks.every((check) => check.pass) ? 0 : 1;
} finally {
  await proxy.stop();
}
