// `pnpm bench:load`: the first load on a phone, as Lighthouse (mobile) scores it: the built app served by the real
// proxy, Debian's Chromium headless with the browser tests' flags. Prints each run's scores, Largest Contentful
// Paint and bytes transferred, their medians, and what kept the median run's categories below 100.
import { existsSync, writeFileSync } from 'node:fs';
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

if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`No built app at ${WEB_DIST}: run \`pnpm --filter @xquizit/web build\` first.`);
if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);

// The first screen as a self-hoster's users see it: the language model configured (never called on this screen).
const proxy = await startProxy({ GEMINI_API_KEY: 'bench-load-key', GEMINI_BASE_URL: 'http://127.0.0.1:9' });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: browserFlags() });
const runs: Run[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(`${proxy.url}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error('Lighthouse returned no result.');
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not load the page: ${result.lhr.runtimeError.message}`);
    runs.push(summarize(result.lhr));
  }
} finally {
  await chrome.kill();
  await proxy.stop();
}

const first = runs[0]!.lhr;
console.log(
  `Lighthouse ${first.lighthouseVersion} (mobile: ${first.configSettings.formFactor}, ${first.configSettings.throttlingMethod} throttling), ${first.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}; ${RUNS} runs, median last; benchmark index ${first.environment.benchmarkIndex}; load average ${loadavg()
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
const medianRun: Omit<Run, 'lhr'> = {
  scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Run['scores'],
  lcpMs: median(runs.map((r) => r.lcpMs)),
  fcpMs: median(runs.map((r) => r.fcpMs)),
  tbtMs: median(runs.map((r) => r.tbtMs)),
  cls: median(runs.map((r) => r.cls)),
  speedIndexMs: median(runs.map((r) => r.speedIndexMs)),
  scriptKb: median(runs.map((r) => r.scriptKb)),
  stylesheetKb: median(runs.map((r) => r.stylesheetKb)),
  totalKb: median(runs.map((r) => r.totalKb)),
};
printTable(header, [...runs.map((r, i) => row(String(i + 1), r)), row('median', medianRun)]);
const byPerformance = [...runs].sort((a, b) => a.scores.performance - b.scores.performance);
const middle = byPerformance[Math.floor(byPerformance.length / 2)]!;
const missing = shortfalls(middle.lhr);
console.log(missing.length ? `\nBelow 100 in the median run:\n${missing.join('\n')}` : '\nNothing below 100 in the median run.');
const report = path.join(tmpdir(), 'xquizit-lighthouse.json');
writeFileSync(report, JSON.stringify(middle.lhr));
console.log(`The median run's full report: ${report} (open it in the Lighthouse viewer, or Chromium's DevTools).`);
console.log('\nBudgets: performance ≥ 95; accessibility, best practices and SEO 100.');
