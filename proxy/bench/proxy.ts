// `pnpm bench:proxy`: SSE relay latency straight from the fake Gemini, through the proxy, through the naive
// relay it replaces, and through nginx, all in one run. Run it on an otherwise idle machine.
import { quantile, runLoad } from './load.ts';
import { cpuMs, hasNginx, peakMemoryMiB, startFakes, startNaiveRelay, startNginx, startPlainRelay, startProxy, type Served } from './processes.ts';
import { fmt, median, printTable } from './table.ts';

const CONCURRENCY = (process.env.BENCH_STREAMS ?? '50,200,500').split(',').map(Number);
const DELAY_MS = 25;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

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

/** The medians over repeats of one target at one concurrency. */
interface Measured {
  p50: number;
  p99: number;
  firstByte: number;
  chunksPerSecond: number;
  failures: number;
  cpuPerStreamMs: number;
  peakMiB: number;
}

interface Target {
  via: string;
  prefix: string;
  start: (upstream: string) => Promise<Served>;
  /** Whether the target is a Node process whose memory and CPU are worth showing. */
  node: boolean;
}

async function measure(target: Served, prefix: string, streams: number, node: boolean, scenario: Scenario): Promise<Measured> {
  const path = `${prefix}${GEMINI_PATH}`;
  await runLoad(target.url, path, Math.min(streams, 50), 0);
  const runs = [];
  for (let i = 0; i < REPEATS; i++) {
    const cpuBefore = cpuMs(target.pid);
    const result = await runLoad(target.url, path, streams, scenario.rampMs);
    runs.push({ result, cpu: (cpuMs(target.pid) - cpuBefore) / streams });
  }
  return {
    p50: median(runs.map((r) => quantile(r.result.chunkLatencies, 0.5))),
    p99: median(runs.map((r) => quantile(r.result.chunkLatencies, 0.99))),
    firstByte: median(runs.map((r) => quantile(r.result.firstByte, 0.5))),
    chunksPerSecond: median(runs.map((r) => r.result.chunks / r.result.seconds)),
    failures: runs.reduce((sum, r) => sum + r.result.failures, 0),
    cpuPerStreamMs: node ? median(runs.map((r) => r.cpu)) : NaN,
    peakMiB: node ? peakMemoryMiB(target.pid) : NaN,
  };
}

const HEADER = ['streams', 'via', 'chunk p50 ms', 'chunk p99 ms', 'added p50 ms', 'added p99 ms', 'first byte p50 ms', 'chunks/s', 'failed', 'CPU ms/stream', 'peak MiB'];

const ONLY_VIA = process.env.BENCH_VIA?.split(',');
const relays: Target[] = [
  { via: 'proxy', prefix: '/api/llm/gemini/', start: startProxy, node: true },
  { via: 'plain node:http', prefix: '/api/llm/gemini/', start: startPlainRelay, node: true },
  { via: 'naive relay', prefix: '/api/llm/gemini/', start: startNaiveRelay, node: true },
  ...(hasNginx() ? [{ via: 'nginx', prefix: '/api/llm/gemini/', start: startNginx, node: false }] : []),
].filter((relay) => !ONLY_VIA || ONLY_VIA.includes(relay.via));

console.log(`chunks ${DELAY_MS} ms apart; median of ${REPEATS} runs; node ${process.version}; ${hasNginx() ? 'nginx: one process, proxy_buffering off' : 'nginx not installed: no reference row'}`);
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
console.log('\nchunk = upstream write to client receipt; added = the relay minus direct at the same percentile. Budgets: proxy ≤ 2 ms added p99 at 200 steady streams; at a 200-stream burst, chunk p99 ≤ 1.5× the plain node:http relay’s.');

async function runScenario(scenario: Scenario, fakes: Served): Promise<{ rows: string[][]; ratios: string[] }> {
  const rows: string[][] = [];
  const ratios: string[] = [];
  for (const streams of CONCURRENCY) {
    const p99 = new Map<string, number>();
    const direct = await measure(fakes, '/', streams, false, scenario);
    rows.push([String(streams), 'direct', fmt(direct.p50), fmt(direct.p99), '—', '—', fmt(direct.firstByte), fmt(direct.chunksPerSecond, 0), String(direct.failures), '—', '—']);
    for (const relay of relays) {
      const served = await relay.start(fakes.url);
      try {
        const m = await measure(served, relay.prefix, streams, relay.node, scenario);
        p99.set(relay.via, m.p99);
        rows.push([
          String(streams),
          relay.via,
          fmt(m.p50),
          fmt(m.p99),
          fmt(m.p50 - direct.p50),
          fmt(m.p99 - direct.p99),
          fmt(m.firstByte),
          fmt(m.chunksPerSecond, 0),
          String(m.failures),
          fmt(m.cpuPerStreamMs),
          fmt(m.peakMiB, 0),
        ]);
      } finally {
        await served.stop();
      }
    }
    const proxy = p99.get('proxy');
    const plain = p99.get('plain node:http');
    if (proxy !== undefined && plain !== undefined) ratios.push(`${streams} streams: proxy chunk p99 is ${fmt(proxy / plain)}× the plain node:http relay's`);
  }
  return { rows, ratios };
}
