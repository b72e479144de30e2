// `pnpm bench:report`: how soon the coach's report is complete once the interview ends, made as the app makes it
// (each answer judged in the background as soon as the next question speaks) beside a baseline that judges
// everything after the closing, in the same run. The real report actor, LLM client and proxy, against the fake
// Gemini answering as the demo's coach does after a delay that stands in for the model's own time (BENCH_MODEL_MS).
import { fileURLToPath } from 'node:url';
import { demoInterviewer, startFakeGemini } from '../../proxy/test/fakes/index.ts';
import { startProxy } from '../e2e/harness/index.ts';
import { buildReportView, ReportActor, type ReportRecord, type ReportSubject } from '../src/lib/feedback/index.ts';
import { createLlmClient, geminiProvider } from '../src/lib/llm/index.ts';
import { CLOSING_SPOKEN_MS, interviewTimeline, type Moment } from './report/timeline.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 16);
const GAP_MS = Number(process.env.BENCH_ANSWER_GAP_MS ?? 3000);
const MODEL_MS = Number(process.env.BENCH_MODEL_MS ?? 2000);
const KEY = 'bench-gemini-key';

const gemini = await startFakeGemini({
  apiKey: KEY,
  respond: (record) => {
    const reply = demoInterviewer(record);
    return reply.kind === 'text' ? { ...reply, delayMs: MODEL_MS } : reply;
  },
});
const proxy = await startProxy({ GEMINI_API_KEY: KEY, GEMINI_BASE_URL: gemini.url, RATE_LIMIT_PER_MINUTE: '100000', WEB_DIST: fileURLToPath(new URL('./page', import.meta.url)) });
const llm = createLlmClient([geminiProvider]);
const viaProxy: typeof fetch = (input, init) => fetch(new URL(String(input), proxy.url), init);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

function subjectAt(moment: Moment): ReportSubject {
  return {
    interviewId: 'bench',
    model: 'gemini-2.5-flash',
    documents: { resume: 'Jane Doe. Backend engineer. Led the move of a billing service to Kafka at Acme Pay; cut failed invoices by half. Mentors two engineers.', jobDescription: 'Senior Backend Engineer at Acme Pay.', instructions: '' },
    profile: { interviewType: 'mixed', level: 'senior' },
    plan: { strategy: '', interviewType: 'mixed', level: 'senior', requirements: [{ id: 'r1', text: 'Kafka' }, { id: 'r2', text: 'mentoring' }, { id: 'r3', text: 'incident reviews' }], topics: [{ id: 't1', name: 'Payments', why: '', requirementIds: ['r1'], probes: [] }] },
    transcript: moment.transcript,
    speechTimings: moment.speechTimings,
    concluded: moment.concluded,
  };
}

/** Plays the interview in real time; returns milliseconds from the closing's text being complete to the report being complete. */
async function run(strategy: 'background' | 'after-closing'): Promise<{ afterClosingText: number; calls: number }> {
  const start = Date.now();
  const moments = interviewTimeline(ANSWERS, GAP_MS, start);
  const saved = new Map<string, ReportRecord>();
  const actor = new ReportActor('bench', {
    model: { generate: (request, options) => llm.generate(request, options), options: { fetch: viaProxy } },
    load: async (id) => saved.get(id),
    save: async (record) => void saved.set(record.interviewId, record),
  });
  const before = gemini.requests.length;
  let complete: (at: number) => void = () => undefined;
  const completed = new Promise<number>((resolve) => (complete = resolve));
  let subject: ReportSubject | null = null;
  actor.subscribe((record) => {
    if (subject?.concluded && buildReportView(subject, record).complete) complete(Date.now());
  });
  for (const moment of moments) {
    await sleep(start + moment.atMs - Date.now());
    if (strategy === 'background' || moment.concluded) {
      subject = subjectAt(moment);
      actor.update(subject);
    }
  }
  const closedAt = Date.now();
  const doneAt = await completed;
  actor.stop();
  return { afterClosingText: doneAt - closedAt, calls: gemini.requests.length - before };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

try {
  console.log(
    `pnpm bench:report · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${String(ANSWERS)} answers ${String(GAP_MS / 1000)} s apart · each model call ${String(MODEL_MS)} ms · closing spoken ${String((CLOSING_SPOKEN_MS / 1000).toFixed(1))} s · ${String(ROUNDS)} rounds\n`,
  );
  const results: Record<string, { afterClosingText: number; calls: number }[]> = { background: [], 'after-closing': [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const strategy of ['background', 'after-closing'] as const) results[strategy]!.push(await run(strategy));
  }
  console.log('| report made | after the closing text, median ms | after the closing is spoken, median ms | max after spoken, ms | model calls |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [strategy, label] of [
    ['background', 'ours: each answer judged once the next question speaks'],
    ['after-closing', 'baseline: everything judged after the closing'],
  ] as const) {
    const values = results[strategy]!.map((result) => result.afterClosingText);
    const spoken = values.map((value) => value - CLOSING_SPOKEN_MS);
    console.log(`| ${label} | ${String(median(values))} | ${String(median(spoken))} | ${String(Math.max(...spoken))} | ${String(median(results[strategy]!.map((result) => result.calls)))} |`);
  }
  console.log('\nNegative: complete before the closing finished being spoken. Budget: complete ≤ 3000 ms after the closing ends.');
} finally {
  await proxy.stop();
  await gemini.close();
}
