// `pnpm bench:tts`: the streaming speech pipeline (QuestionSpeaker → Kokoro worker → Web Audio) in headless Chromium on
// the tiny test model, served by the real proxy; prints what each piece adds beside the ONNX run, and first token →
// first audio beside two baselines measured in the same run.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { demoInterviewer } from '../../proxy/test/fakes/demo-interviewer.ts';
import type { GeminiRequestRecord } from '../../proxy/test/fakes/gemini.ts';
import { splitText } from '../../proxy/test/fakes/gemini-wire.ts';
import { startProxy } from '../e2e/harness/index.ts';
import { TEST_MODELS_DIR } from '../e2e/harness/paths.ts';
import type { MeasuredPiece, PipelineMode, QuestionRun, SimulatedStream, TtsBenchApi, TtsBenchFailure } from './tts/page/main.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const THREADS = process.env.BENCH_THREADS === undefined ? undefined : Number(process.env.BENCH_THREADS);
const BUDGET_MS = 50;
const MODES: readonly PipelineMode[] = ['pipeline', 'whole', 'sentences'];
const MODE_LABELS: Record<PipelineMode, string> = {
  pipeline: 'ours: QuestionSpeaker, short first piece',
  whole: 'baseline: whole question, then play',
  sentences: 'baseline: whole sentences only',
};

// Questions as Gemini writes them when the first sentence is long: where a short first piece should matter.
const LONG_FIRST_SENTENCE = [
  "Given that you moved the payments team's event pipeline from a nightly batch job to streaming, how did you decide where to draw the boundaries between services, and what did you do about events that arrived late?",
  'When a production incident pulls you away from planned work for several days in a row, how do you decide what to drop, who needs to hear about it, and how you make sure the same problem does not come back?',
];

/** The demo interviewer's questions and two long-sentence ones, streamed as the fake Gemini streams its replies. */
function benchQuestions(): SimulatedStream[] {
  const prompts = [
    'This is the start of the interview.',
    'Next topic in the plan: System design trade-offs.\nCandidate: I built a queue.',
    'DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC\nCandidate: We shipped it.',
    'Next topic in the plan: Debugging production incidents.\nCandidate: a\nCandidate: b',
    'The interview is over.',
  ];
  const demo = prompts.map((prompt) => {
    const record: GeminiRequestRecord = { method: 'POST', path: '/', model: 'demo', stream: true, headers: {}, body: { contents: [{ role: 'user', parts: [{ text: prompt }] }] }, receivedAt: 0, eventsWrittenAt: [] };
    const reply = demoInterviewer(record);
    if (reply.kind !== 'text') throw new Error(`the demo interviewer answered ${reply.kind}`);
    // The machine keeps the decision line out of the question; the speaker sees only the question.
    return { question: reply.text.replace(/^DECISION: \w+\n/, ''), delayMs: reply.delayMs ?? 40 };
  });
  const all = [...demo, ...LONG_FIRST_SENTENCE.map((question) => ({ question, delayMs: demo[0]?.delayMs ?? 40 }))];
  // The demo's chunking: ceil(length / 24) chunks of whole words.
  return all.map(({ question, delayMs }) => ({ chunks: splitText(question, Math.max(3, Math.ceil(question.length / 24))), delayMs }));
}

type BenchWindow = { xquizitTtsBench: TtsBenchApi };

function ok<T extends object>(result: T | TtsBenchFailure): T {
  if ('failed' in result) throw new Error(`${result.name}${result.code ? ` (${result.code})` : ''}: ${result.message}`);
  return result;
}

const speak = (page: Page, mode: PipelineMode, id: string, stream: SimulatedStream) =>
  page.evaluate(([m, i, s]) => (window as unknown as BenchWindow).xquizitTtsBench.speakQuestion(m, i, s), [mode, id, stream] as const);

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const stats = (values: readonly number[]) => [percentile(values, 50), percentile(values, 95), Math.max(...values)];
// Rounds -0.04 to 0.0, not -0.0.
const ms = (value: number) => (Number.isFinite(value) ? (Math.abs(value) < 0.05 ? 0 : value).toFixed(1) : '—');

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)];
}

/** Loads the engine, starts the audio, then speaks every question in every mode; the header describes the setup. */
async function runBench(questions: readonly SimulatedStream[]): Promise<{ header: string[]; runs: QuestionRun[] }> {
  const proxy = await startProxy({ WEB_DIST: path.join(HERE, 'dist', 'tts'), MODELS_DIR: TEST_MODELS_DIR });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${proxy.url}/index.html`);
    await page.waitForFunction(() => 'xquizitTtsBench' in window);
    const environment = await page.evaluate(() => (window as unknown as BenchWindow).xquizitTtsBench.environment());
    const loaded = ok(await page.evaluate((threads) => (window as unknown as BenchWindow).xquizitTtsBench.load(threads === undefined ? {} : { threads }), THREADS));
    // A real click, as the app's Start tap: the browser lets the AudioContext run after a user gesture.
    await page.click('#start-audio');
    const audio = ok(await page.evaluate(() => (window as unknown as BenchWindow).xquizitTtsBench.audio()));
    if (audio.state !== 'running' || !audio.clockMoves) {
      throw new Error(`The AudioContext cannot run here (state ${audio.state}, clock ${audio.clockMoves ? 'moving' : 'standing still'}): first-audio times would be meaningless.`);
    }
    const header = [
      `Chromium ${browser.version()} headless, proxy-served bench page (cross-origin isolated: ${environment.crossOriginIsolated}); machine: ${os.cpus().length} cores, ${environment.cores} seen by the page.`,
      `Kokoro ${loaded.info.device} ${loaded.info.dtype}, ${loaded.info.threads} ${loaded.info.threads === 1 ? 'thread' : 'threads'} (BENCH_THREADS to change), tiny test model; load ${loaded.loadMs.toFixed(0)} ms.`,
      `AudioContext ${audio.state} (headless: Chromium plays to a null sink), ${audio.sampleRate} Hz, base latency ${ms(audio.baseLatencyMs)} ms, output latency ${ms(audio.outputLatencyMs)} ms.`,
      `${questions.length} questions (${questions.length - LONG_FIRST_SENTENCE.length} of the demo interviewer, ${LONG_FIRST_SENTENCE.length} with a long first sentence) × ${ROUNDS} rounds after 1 warm-up round, each mode in turn; streamed like the fake Gemini: ~24 chars every ${questions[0]?.delayMs ?? 40} ms.`,
    ];
    const runs: QuestionRun[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      for (const [q, stream] of questions.entries()) {
        for (const mode of MODES) {
          const run = ok(await speak(page, mode, `r${round}-q${q}-${mode}`, stream));
          if (round > 0) runs.push(run);
        }
      }
    }
    return { header, runs };
  } finally {
    await browser.close();
    await proxy.stop();
  }
}

const started = performance.now();
const { header, runs } = await runBench(benchQuestions());
if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(runs, null, 1));
const ours = runs.filter((run) => run.mode === 'pipeline');
const pieces = ours.flatMap((run) => run.pieces);
const firsts = ours.map((run) => run.pieces[0]).filter((piece): piece is MeasuredPiece => piece !== undefined);
const laters = ours.flatMap((run) => run.pieces.slice(1));
const known = (values: (number | null)[]) => values.filter((value): value is number => value !== null);
const row = (label: string, values: number[], budget = '') => [label, String(values.length), ...stats(values).map(ms), budget];
// The budget is judged on the p95: single outliers on a shared 2-core machine are scheduling noise, not the pipeline.
const verdict = (values: number[]) => `p95 ≤ ${BUDGET_MS}: ${percentile(values, 95) <= BUDGET_MS ? 'ok' : 'OVER'}`;
const firstAllButOnnx = known(firsts.map((piece) => piece.allButOnnxMs));
const firstOwn = known(firsts.map((piece) => (piece.allButOnnxMs === null ? null : piece.allButOnnxMs - piece.outputLatencyMs)));
const onnxAll = known(pieces.map((piece) => piece.onnxMs));

const firstAudioRows = MODES.map((mode) => {
  const ofMode = runs.filter((run) => run.mode === mode);
  return [MODE_LABELS[mode], String(ofMode.length), ...stats(ofMode.map((run) => run.firstAudioMs)).map(ms), ms(percentile(ofMode.map((run) => run.pieces.length), 50))];
});
firstAudioRows.push(['  of ours: the first piece still streaming in', String(ours.length), ...stats(ours.map((run) => run.firstTextMs)).map(ms), '']);
firstAudioRows.push(['  (the whole question streaming in)', String(ours.length), ...stats(ours.map((run) => run.streamMs)).map(ms), '']);

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const audioSeconds = sum(pieces.map((piece) => piece.audioMs)) / 1000;
const print = (lines: string[]) => {
  for (const line of lines) console.log(line);
};

print(header);
console.log('');
console.log("The test model's ONNX run is tiny (see \"ONNX run\" below), so these overheads are what the pipeline itself adds;");
console.log('a real Kokoro run adds its own synthesis time on top, and the budget is about everything else.');
console.log('');
console.log(`Per piece, ours (${ours.length} questions, ${pieces.length} pieces), ms; overhead = scheduled start − max(text ready, engine free) − what is taken out, playback waits excluded:`);
print(
  table(
    ['', 'n', 'median', 'p95', 'max', 'budget'],
    [
      row('first piece: all but the ONNX run (incl. the device output latency)', firstAllButOnnx),
      row('first piece: all we add (less the device output latency)', firstOwn, verdict(firstOwn)),
      row('later pieces: all but the ONNX run', known(laters.map((piece) => piece.allButOnnxMs))),
      row('every piece: all but the synthesis (pieceOverheadMs)', pieces.map((piece) => piece.overheadMs)),
      row('ONNX run (test model)', onnxAll),
      row('synthesis in the worker (phonemes, tokens, ONNX)', pieces.map((piece) => piece.synthesisMs)),
    ],
  ),
);
console.log('');
console.log('First piece, where the time goes (ms):');
print(
  table(
    ['', 'n', 'median', 'p95', 'max'],
    [
      row('text ready → synthesize() called (splitter look-ahead)', firsts.map((piece) => piece.toSynthesisMs)),
      row('worker messaging (round trip − worker time)', firsts.map((piece) => piece.messagingMs)),
      row('phonemes + tokens (worker time − ONNX run)', known(firsts.map((piece) => (piece.onnxMs === null ? null : piece.synthesisMs - piece.onnxMs)))),
      row('synthesized → enqueued (main thread)', firsts.map((piece) => piece.toEnqueueMs)),
      row("audio queue's lead", firsts.map((piece) => piece.leadMs)),
      row('audio output latency (as the context reports it)', firsts.map((piece) => piece.outputLatencyMs)),
      row('(ONNX run: not overhead)', known(firsts.map((piece) => piece.onnxMs))),
      row('characters', firsts.map((piece) => piece.chars)),
    ].map((cells) => cells.slice(0, 5)),
  ),
);
console.log('');
console.log('First token → first audio scheduled, ms (same questions, engine and AudioContext, in the same run):');
print(table(['', 'n', 'median', 'p95', 'max', 'pieces'], firstAudioRows));
console.log('');
console.log(
  `Synthesis RTF (worker time / audio time): ${(sum(pieces.map((piece) => piece.synthesisMs)) / 1000 / audioSeconds).toFixed(4)}; the ONNX run alone: ${(sum(onnxAll) / 1000 / audioSeconds).toFixed(4)} (${audioSeconds.toFixed(1)} s of audio).`,
);
console.log(`Budget: at most ${BUDGET_MS} ms added between the first token and the first audio: the first piece, all but its ONNX run and the audio device's own output latency. Took ${((performance.now() - started) / 1000).toFixed(1)} s.`);
