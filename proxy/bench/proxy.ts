// `pnpm bench:proxy`: SSE relay latency straight from the fake Gemini, through the proxy, through a plain
// node:http relay, through the naive relay the proxy replaces, and through nginx; and the OpenAI-compatible route,
// straight from its fake and through the proxy; all in one run (and through another checkout's proxy with
// BENCH_BASELINE_PROXY_DIR). The targets take
// turns within each repeat, so load from elsewhere on the machine falls on all of them alike; still, run it on an
// otherwise idle machine.
import { loadavg } from 'node:os';
import { GEMINI_WIRE, OPENAI_WIRE, quantile, runLoad, type LoadResult, type RouteWire } from './load.ts';
import { cpuMs, hasNginx, peakMemoryMiB, startFakes, startNaiveRelay, startNginx, startPlainRelay, startProxy, type Fakes, type Served } from './processes.ts';
import { fmt, median, printTable } from './table.ts';

const CONCURRENCY = (process.env.BENCH_STREAMS ?? '50,200,500').split(',').map(Number);
const DELAY_MS = 25;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

/** How streams arrive: steadily (every stream open together for the second half), or all in the same instant. */
interface Scenario {
  name: string;
  chunks: number;
  rampMs: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'steady', chunks: 80, rampMs: 1000 },
  { name: 'burst', chunks: 40, rampMs: 0 },
].filter((s) => !process.env.BENCH_SCENARIO || s.name === process.env.BENCH_SCENARIO);
const GEMINI_PATH = 'v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse';
const CHAT_PATH = 'v1/chat/completions';

/** One relay to measure (`start`), or one of the fakes itself (`direct` picks which). */
interface Target {
  via: string;
  path: string;
  wire: RouteWire;
  /** The direct target this one's added latency is measured against. */
  against: string;
  start?: (fakes: Fakes) => Promise<Served>;
  direct?: (fakes: Fakes) => Served;
  /** Whether the target is a Node process whose memory and CPU are worth showing. */
  node: boolean;
}

const viaGemini = { wire: GEMINI_WIRE, path: `/api/llm/gemini/${GEMINI_PATH}`, against: 'direct' };
const viaChat = { wire: OPENAI_WIRE, path: `/api/llm/openai/${CHAT_PATH}`, against: 'direct (chat)' };

/** One load run against one target, with the CPU the target spent on it. */
interface Run {
  result: LoadResult;
  cpuPerStreamMs: number;
}

const HEADER = ['streams', 'via', 'chunk p50 ms', 'chunk p99 ms', 'added p50 ms', 'added p99 ms', 'first byte p50 ms', 'chunks/s', 'failed', 'CPU ms/stream', 'peak MiB'];

const ONLY_VIA = process.env.BENCH_VIA?.split(',');
// Another checkout's proxy folder (say, the release before a change), measured beside this one.
const BASELINE_DIR = process.env.BENCH_BASELINE_PROXY_DIR;
const ALL_TARGETS: Target[] = [
  { via: 'direct', ...viaGemini, path: `/${GEMINI_PATH}`, direct: (fakes) => fakes, node: false },
  { via: 'proxy', ...viaGemini, start: (fakes) => startProxy(fakes.url), node: true },
  ...(BASELINE_DIR ? [{ via: 'baseline proxy', ...viaGemini, start: (fakes: Fakes) => startProxy(fakes.url, { dir: BASELINE_DIR }), node: true }] : []),
  { via: 'plain node:http', ...viaGemini, start: (fakes) => startPlainRelay(fakes.url), node: true },
  { via: 'naive relay', ...viaGemini, start: (fakes) => startNaiveRelay(fakes.url), node: true },
  ...(hasNginx() ? [{ via: 'nginx', ...viaGemini, start: (fakes: Fakes) => startNginx(fakes.url), node: false }] : []),
  { via: 'direct (chat)', ...viaChat, path: `/${CHAT_PATH}`, direct: (fakes) => ({ ...fakes, url: fakes.openaiUrl.replace(/\/v1$/, '') }), node: false },
  { via: 'proxy (chat)', ...viaChat, start: (fakes) => startProxy(fakes.url, { openaiUpstream: fakes.openaiUrl }), node: true },
];
const TARGETS = ALL_TARGETS.filter((target) => target.direct || !ONLY_VIA || ONLY_VIA.includes(target.via));

console.log(
  `chunks ${DELAY_MS} ms apart; median of ${REPEATS} runs, targets in turn; node ${process.version}; ${hasNginx() ? 'nginx: one process, proxy_buffering off' : 'nginx not installed: no reference row'}; load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const scenario of SCENARIOS) {
  console.log(`\n${scenario.name}: ${scenario.chunks} chunks per stream, starts spread over ${scenario.rampMs} ms`);
  const fakes = await startFakes({ kind: 'clock', chunks: scenario.chunks, delayMs: DELAY_MS });
  try {
    const { rows, ratios } = await runScenario(scenario, fakes);
    printTable(HEADER, rows);
    for (const line of ratios) console.log(line);
  } finally {
    await fakes.stop();
  }
}
console.log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}. chunk = upstream write to client receipt; added = the relay minus direct at the same percentile. Budgets: proxy ≤ 2 ms added p99 at 200 steady streams; at a 200-stream burst, chunk p99 ≤ 1.5× the plain node:http relay’s.`,
);

async function runScenario(scenario: Scenario, fakes: Fakes): Promise<{ rows: string[][]; ratios: string[] }> {
  const rows: string[][] = [];
  const ratios: string[] = [];
  for (const streams of CONCURRENCY) {
    const served = await Promise.all(TARGETS.map((target) => (target.start ? target.start(fakes) : Promise.resolve(target.direct!(fakes)))));
    try {
      const runs = TARGETS.map((): Run[] => []);
      for (const [i, target] of TARGETS.entries()) await runLoad(served[i]!.url, target.path, Math.min(streams, 50), 0, target.wire);
      for (let repeat = 0; repeat < REPEATS; repeat++) {
        // Each repeat starts with a different target, so none always runs first (or right after another's burst).
        for (let k = 0; k < TARGETS.length; k++) {
          const i = (k + repeat) % TARGETS.length;
          runs[i]!.push(await measureOnce(served[i]!, TARGETS[i]!, streams, scenario));
        }
      }
      const summaries = new Map(TARGETS.map((target, i) => [target.via, summarize(runs[i]!)]));
      const p99 = new Map<string, number>();
      for (const [i, target] of TARGETS.entries()) {
        const m = summaries.get(target.via)!;
        const direct = summaries.get(target.against)!;
        p99.set(target.via, m.p99);
        const isDirect = target.direct !== undefined;
        rows.push([
          String(streams),
          target.via,
          fmt(m.p50),
          fmt(m.p99),
          isDirect ? '—' : fmt(m.p50 - direct.p50),
          isDirect ? '—' : fmt(m.p99 - direct.p99),
          fmt(m.firstByte),
          fmt(m.chunksPerSecond, 0),
          String(m.failures),
          target.node ? fmt(m.cpuPerStreamMs) : '—',
          target.node ? fmt(peakMemoryMiB(served[i]!.pid), 0) : '—',
        ]);
      }
      for (const [i, target] of TARGETS.entries()) {
        const reasons: Record<string, number> = {};
        for (const run of runs[i]!) for (const [reason, n] of Object.entries(run.result.failureReasons)) reasons[reason] = (reasons[reason] ?? 0) + n;
        if (Object.keys(reasons).length > 0) ratios.push(`${streams} streams via ${target.via}: failures ${JSON.stringify(reasons)}`);
      }
      const proxy = p99.get('proxy');
      const plain = p99.get('plain node:http');
      if (proxy !== undefined && plain !== undefined) ratios.push(`${streams} streams: proxy chunk p99 is ${fmt(proxy / plain)}× the plain node:http relay's`);
    } finally {
      await Promise.all(served.map((s, i) => (TARGETS[i]!.start ? s.stop() : undefined)));
    }
  }
  return { rows, ratios };
}

async function measureOnce(target: Served, spec: Target, streams: number, scenario: Scenario): Promise<Run> {
  const cpuBefore = spec.node ? cpuMs(target.pid) : 0;
  const result = await runLoad(target.url, spec.path, streams, scenario.rampMs, spec.wire);
  return { result, cpuPerStreamMs: spec.node ? (cpuMs(target.pid) - cpuBefore) / streams : NaN };
}

/** The medians over repeats of one target's runs. */
function summarize(runs: readonly Run[]) {
  return {
    p50: median(runs.map((r) => quantile(r.result.chunkLatencies, 0.5))),
    p99: median(runs.map((r) => quantile(r.result.chunkLatencies, 0.99))),
    firstByte: median(runs.map((r) => quantile(r.result.firstByte, 0.5))),
    chunksPerSecond: median(runs.map((r) => r.result.chunks / r.result.seconds)),
    failures: runs.reduce((sum, r) => sum + r.result.failures, 0),
    cpuPerStreamMs: median(runs.map((r) => r.cpuPerStreamMs)),
  };
}
