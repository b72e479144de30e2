// `pnpm bench:proxy`: SSE relay latency straight from the fake Gemini, through the proxy, through the naive
// relay it replaces, and through nginx; then the OpenAI-compatible route, straight and through the proxy; all in one
// run. Run it on an otherwise idle machine.
import { GEMINI_WIRE, OPENAI_WIRE, quantile, runLoad, type RouteWire } from './load.ts';
import { cpuMs, hasNginx, peakMemoryMiB, startFakes, startNaiveRelay, startNginx, startProxy, type Fakes, type Served } from './processes.ts';
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
const CHAT_PATH = 'chat/completions';

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

async function measure(target: Served, path: string, streams: number, node: boolean, scenario: Scenario, wire: RouteWire = GEMINI_WIRE): Promise<Measured> {
  await runLoad(target.url, path, Math.min(streams, 50), 0, wire);
  const runs = [];
  for (let i = 0; i < REPEATS; i++) {
    const cpuBefore = cpuMs(target.pid);
    const result = await runLoad(target.url, path, streams, scenario.rampMs, wire);
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

const relays: Target[] = [
  { via: 'proxy', prefix: '/api/llm/gemini/', start: (upstream) => startProxy(upstream), node: true },
  { via: 'naive relay', prefix: '/api/llm/gemini/', start: startNaiveRelay, node: true },
  ...(hasNginx() ? [{ via: 'nginx', prefix: '/api/llm/gemini/', start: startNginx, node: false }] : []),
];

console.log(`chunks ${DELAY_MS} ms apart; median of ${REPEATS} runs; node ${process.version}; ${hasNginx() ? 'nginx: one process, proxy_buffering off' : 'nginx not installed: no reference row'}`);
for (const scenario of SCENARIOS) {
  console.log(`\n${scenario.name}: ${scenario.chunks} chunks per stream, starts spread over ${scenario.rampMs} ms`);
  const fakes = await startFakes({ kind: 'clock', chunks: scenario.chunks, delayMs: DELAY_MS });
  try {
    printTable(HEADER, await runScenario(scenario, fakes));
  } finally {
    await fakes.stop();
  }
}
console.log('\nchunk = upstream write to client receipt; added = the relay minus direct at the same percentile. Budget: proxy ≤ 2 ms added p99 at 200 streams.');

async function runScenario(scenario: Scenario, fakes: Fakes): Promise<string[][]> {
  const rows: string[][] = [];
  for (const streams of CONCURRENCY) {
    const direct = await measure(fakes, `/${GEMINI_PATH}`, streams, false, scenario);
    rows.push(directRow(streams, 'direct', direct));
    for (const relay of relays) {
      const served = await relay.start(fakes.url);
      try {
        rows.push(relayRow(streams, relay.via, await measure(served, `${relay.prefix}${GEMINI_PATH}`, streams, relay.node, scenario), direct));
      } finally {
        await served.stop();
      }
    }
    // The OpenAI-compatible route: the same relay path, another wire format.
    const directChat = await measure({ ...fakes, url: fakes.openaiUrl.replace(/\/v1$/, '') }, `/v1/${CHAT_PATH}`, streams, false, scenario, OPENAI_WIRE);
    rows.push(directRow(streams, 'direct (chat)', directChat));
    const proxy = await startProxy(fakes.url, fakes.openaiUrl);
    try {
      rows.push(relayRow(streams, 'proxy (chat)', await measure(proxy, `/api/llm/openai/v1/${CHAT_PATH}`, streams, true, scenario, OPENAI_WIRE), directChat));
    } finally {
      await proxy.stop();
    }
  }
  return rows;
}

function directRow(streams: number, via: string, m: Measured): string[] {
  return [String(streams), via, fmt(m.p50), fmt(m.p99), '—', '—', fmt(m.firstByte), fmt(m.chunksPerSecond, 0), String(m.failures), '—', '—'];
}

function relayRow(streams: number, via: string, m: Measured, direct: Measured): string[] {
  return [
    String(streams),
    via,
    fmt(m.p50),
    fmt(m.p99),
    fmt(m.p50 - direct.p50),
    fmt(m.p99 - direct.p99),
    fmt(m.firstByte),
    fmt(m.chunksPerSecond, 0),
    String(m.failures),
    fmt(m.cpuPerStreamMs),
    fmt(m.peakMiB, 0),
  ];
}
