// `pnpm bench:documents`: each fixture to text in headless Chromium (cold: a fresh page, worker start included;
// warm: median of repeated runs), served by the real proxy, beside poppler's pdftotext on the same files.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { startProxy } from '../e2e/harness/index.ts';
import type { DocumentsBenchApi } from './page/main.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 15);
const FIXTURE_DIR = path.resolve(HERE, '../src/lib/documents/testdata');
const EXTENSIONS = /\.(pdf|docx|txt|md)$/;
// A PDF built to keep pdf.js busy until the reader's time limit: a test of that limit, not of speed.
const NOT_BENCHED = new Set(['endless-content.pdf']);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function pdftotextMs(file: string): number | undefined {
  if (!file.endsWith('.pdf') || spawnSync('pdftotext', ['-v']).error) return undefined;
  const times = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    const result = spawnSync('pdftotext', [file, '-']);
    if (result.status !== 0) return undefined;
    times.push(performance.now() - started);
  }
  return median(times);
}

const fixtures = readdirSync(FIXTURE_DIR)
  .filter((name) => EXTENSIONS.test(name) && !name.endsWith('.reference.txt') && !NOT_BENCHED.has(name))
  .map((name) => path.join(FIXTURE_DIR, name));
const proxy = await startProxy({ WEB_DIST: path.join(HERE, 'dist') });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows: string[][] = [];
try {
  for (const file of fixtures) {
    const name = path.basename(file);
    const page = await browser.newPage();
    await page.route('**/bench-fixture', (route) => route.fulfill({ body: readFileSync(file), contentType: 'application/octet-stream' }));
    await page.goto(`${proxy.url}/index.html`);
    await page.waitForFunction(() => 'xquizitBench' in window);
    const run = () => page.evaluate(() => (window as unknown as { xquizitBench: DocumentsBenchApi }).xquizitBench.extract('/bench-fixture'));
    const cold = await run();
    const warm = [];
    for (let i = 0; i < REPEATS; i++) warm.push((await run()).ms);
    const reference = pdftotextMs(file);
    rows.push([name, cold.ok ? String(cold.words) : 'problem', cold.ms.toFixed(0), median(warm).toFixed(1), reference === undefined ? '—' : reference.toFixed(1)]);
    await page.close();
  }
} finally {
  await browser.close();
  await proxy.stop();
}
const header = ['file', 'words', 'cold ms', 'warm ms (median)', 'pdftotext ms (median)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
console.log(`Chromium headless, ${REPEATS} warm runs each; cold = fresh page, the PDF worker and pdf.js loading included.`);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows) console.log(line(row));
console.log('Budget: a two-page resume in at most 300 ms warm.');
