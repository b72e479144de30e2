// `pnpm eval:interview`: does the plan make better questions? Simulated candidates (strong, vague, dodging) are
// interviewed by the real model through the real proxy, once with the whole plan and once with only the strategy and
// topic names (as before), and a grader model checks every interviewer turn against plain criteria. Needs
// GEMINI_API_KEY (it spends real calls, so it is not part of the tests or CI); without it, it says so and stops.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startProxy } from '../e2e/harness/index.ts';
import { DEFAULT_SETTINGS, makePlan, type InterviewSettings } from '../src/lib/interview/index.ts';
import { createLlmClient, geminiProvider } from '../src/lib/llm/index.ts';
import { formatReport } from './interview/report.ts';
import { PERSONAS } from './interview/prompts.ts';
import { runInterview, type EvalDeps, type InterviewRun, type PlanVariant } from './interview/run.ts';

const key = process.env.GEMINI_API_KEY;
if (!key) {
  console.log('pnpm eval:interview runs simulated candidates against the real Gemini model and needs GEMINI_API_KEY; it is not set, so nothing was run.');
  process.exit(0);
}

const model = process.env.GEMINI_MODEL ?? 'gemini-2.5-flash';
const graderModel = process.env.EVAL_GRADER_MODEL ?? model;
const questions = Number(process.env.EVAL_QUESTIONS ?? 6);
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../src/lib/documents/testdata/${name}`, import.meta.url)), 'utf8');
const documents = { resume: fixture('awesome-cv-resume.reference.txt'), jobDescription: fixture('job-description.reference.txt'), instructions: '' };
const settings: InterviewSettings = { ...DEFAULT_SETTINGS, maxQuestions: questions, model };

// The proxy holds the key, as it does for the app; the bench page stands in for the built app it would serve.
const proxy = await startProxy({
  GEMINI_API_KEY: key,
  GEMINI_MODEL: model,
  GEMINI_MODELS: [...new Set([model, graderModel])].join(','),
  RATE_LIMIT_PER_MINUTE: '1000',
  WEB_DIST: fileURLToPath(new URL('../bench/page', import.meta.url)),
});
const viaProxy: typeof fetch = (input, init) => fetch(new URL(String(input), proxy.url), init);
const deps: EvalDeps = { llm: createLlmClient([geminiProvider]), options: { fetch: viaProxy }, candidateModel: model, graderModel };

try {
  console.log(`pnpm eval:interview · ${model} (grader ${graderModel}) · ${String(questions)} questions per interview · ${PERSONAS.join(', ')}\n`);
  const plan = await makePlan({ documents, settings, profile: { interviewType: 'mixed', level: 'senior' } }, new AbortController().signal, deps.llm, deps.options);
  console.log(`Plan: ${plan.topics.map((topic) => topic.name).join(' · ')}\n`);
  const runs: InterviewRun[] = [];
  for (const persona of PERSONAS) {
    for (const variant of ['names-only', 'plan'] as const satisfies readonly PlanVariant[]) {
      process.stdout.write(`${persona}, ${variant}… `);
      runs.push(await runInterview(documents, plan, persona, variant, settings, deps));
      console.log('done');
    }
  }
  console.log(`\n${formatReport(runs)}`);
} finally {
  await proxy.stop();
}
