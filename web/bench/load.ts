// `pnpm bench:load`: the first load on a phone, as Lighthouse (mobile) scores it: the built app served by the real
// proxy, Debian's Chromium headless with the browser tests' flags. Beside it, in turns within the same run, the
// baseline: the same build sent uncompressed (a copy without the .br/.gz files, as the proxy served it before).
// Prints each run's scores, Largest Contentful Paint and bytes transferred, their medians, and what kept the
// median run's categories below 100.
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result as LighthouseResult } from 'lighthouse';
import playwrightConfig from '../../playwright.config.ts';
import { startProxy } from '../e2e/harness/index.ts';
import { WEB_DIST } from '../e2e/harness/paths.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** What one Lighthouse run measured. */
interface Run {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  fcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  scriptKb: number;
  stylesheetKb: number;
  totalKb: number;
  lhr: LighthouseResult;
}

/** The flags Playwright launches Chromium with (playwright.config.ts), so both see the same browser. */
function browserFlags(): string[] {
  const args = playwrightConfig.projects?.[0]?.use?.launchOptions?.args ?? [];
  return ['--headless=new', ...args];
}

function numeric(lhr: LighthouseResult, audit: string): number {
  return lhr.audits[audit]?.numericValue ?? Number.NaN;
}

/** Transfer size in kB of one resource type from the resource-summary audit. */
function transferredKb(lhr: LighthouseResult, resourceType: string): number {
  const details = lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined;
  const item = details?.items?.find((i) => i.resourceType === resourceType);
  return item ? item.transferSize / 1024 : Number.NaN;
}

function summarize(lhr: LighthouseResult): Run {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Run['scores'];
  return {
    scores,
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    scriptKb: transferredKb(lhr, 'script'),
    stylesheetKb: transferredKb(lhr, 'stylesheet'),
    totalKb: transferredKb(lhr, 'total'),
    lhr,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** Audits that cost the run points: every one scored below 1 in a category under 100, with Lighthouse's summary. */
function shortfalls(lhr: LighthouseResult): string[] {
  const lines: string[] = [];
  for (const category of CATEGORIES) {
    const cat = lhr.categories[category];
    if (!cat || cat.score === 1) continue;
    for (const ref of cat.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 0.9 || (ref.weight === 0 && category !== 'performance')) continue;
      lines.push(`  ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return lines;
}

/** One Lighthouse run on `url`; a run Lighthouse itself could not record (it says so now and then) is tried again. */
async function audit(url: string, triesLeft = 2): Promise<LighthouseResult> {
  const result = await lighthouse(`${url}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error('Lighthouse returned no result.');
  const problem = result.lhr.runtimeError;
  if (!problem) return result.lhr;
  if (triesLeft === 0) throw new Error(`Lighthouse could not load the page: ${problem.message}`);
  console.log(`(Lighthouse: ${problem.code}; trying that run again)`);
  return audit(url, triesLeft - 1);
}

if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`No built app at ${WEB_DIST}: run \`pnpm --filter @xquizit/web build\` first.`);
if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);

// The first screen as a self-hoster's users see it: the language model configured (never called on this screen).
const upstreams = { GEMINI_API_KEY: 'bench-load-key', GEMINI_BASE_URL: 'http://127.0.0.1:9' };
const uncompressed = mkdtempSync(path.join(tmpdir(), 'xquizit-dist-uncompressed-'));
cpSync(WEB_DIST, uncompressed, { recursive: true, filter: (source) => !/\.(br|gz)$/.test(source) });
const proxies = { ours: await startProxy(upstreams), baseline: await startProxy({ ...upstreams, WEB_DIST: uncompressed }) };
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: browserFlags() });
const runs: Record<keyof typeof proxies, Run[]> = { ours: [], baseline: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    // Turns, the order swapped each time, so load from elsewhere on the machine falls on both alike.
    const order = i % 2 === 0 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const);
    for (const which of order) runs[which].push(summarize(await audit(proxies[which].url)));
  }
} finally {
  await chrome.kill();
  await Promise.all([proxies.ours.stop(), proxies.baseline.stop()]);
  rmSync(uncompressed, { recursive: true, force: true });
}

const first = runs.ours[0]!.lhr;
console.log(
  `Lighthouse ${first.lighthouseVersion} (mobile: ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling), ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; ${RUNS} runs each, in turns; benchmark index ${first.environment.benchmarkIndex}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const header = ['run', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP ms', 'FCP ms', 'TBT ms', 'CLS', 'Speed Index ms', 'JS kB', 'CSS kB', 'total kB'];
const row = (label: string, r: Omit<Run, 'lhr'>) => [
  label,
  String(r.scores.performance),
  String(r.scores.accessibility),
  String(r.scores['best-practices']),
  String(r.scores.seo),
  r.lcpMs.toFixed(0),
  r.fcpMs.toFixed(0),
  r.tbtMs.toFixed(0),
  r.cls.toFixed(3),
  r.speedIndexMs.toFixed(0),
  r.scriptKb.toFixed(1),
  r.stylesheetKb.toFixed(1),
  r.totalKb.toFixed(1),
];
const medianOf = (all: readonly Run[]): Omit<Run, 'lhr'> => ({
  scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c]))])) as Run['scores'],
  lcpMs: median(all.map((r) => r.lcpMs)),
  fcpMs: median(all.map((r) => r.fcpMs)),
  tbtMs: median(all.map((r) => r.tbtMs)),
  cls: median(all.map((r) => r.cls)),
  speedIndexMs: median(all.map((r) => r.speedIndexMs)),
  scriptKb: median(all.map((r) => r.scriptKb)),
  stylesheetKb: median(all.map((r) => r.stylesheetKb)),
  totalKb: median(all.map((r) => r.totalKb)),
});
printTable(header, [
  ...runs.ours.map((r, i) => row(`ours ${i + 1}`, r)),
  ...runs.baseline.map((r, i) => row(`baseline ${i + 1}`, r)),
  row('ours: median', medianOf(runs.ours)),
  row('baseline: median', medianOf(runs.baseline)),
]);
const byPerformance = [...runs.ours].sort((a, b) => a.scores.performance - b.scores.performance);
const middle = byPerformance[Math.floor(byPerformance.length / 2)]!;
const missing = shortfalls(middle.lhr);
console.log(missing.length ? `\nBelow 100 in our median run:\n${missing.join('\n')}` : '\nNothing below 100 in our median run.');
const report = path.join(tmpdir(), 'xquizit-lighthouse.json');
writeFileSync(report, JSON.stringify(middle.lhr));
console.log(`Our median run's full report: ${report} (open it in the Lighthouse viewer, or Chromium's DevTools).`);
console.log('\nbaseline = the same build sent uncompressed. Budgets: performance ≥ 95; accessibility, best practices and SEO 100.');
