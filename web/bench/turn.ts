// `pnpm bench:turn`: the whole turn as the candidate lives it, from Done (or Send) to the interviewer's first audio, in
// the real built app in headless Chromium served by the real proxy, against the fake Gemini and RunPod given a latency
// profile (turn/profile.ts). Spoken answers come from Chromium's fake microphone. Prints p50/p95 per stage, what our
// code adds beside the services' own time, and the seed's way emulated on the same fakes in the same run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { demoCandidate, demoInterviewer, startFakeGemini, startFakeRunpod, type GeminiReply, type GeminiRequestRecord } from '../../proxy/test/fakes/index.ts';
import { readWav } from '../../proxy/test/fakes/runpod-audio.ts';
import { installAudioProbe, JOB, readAudioProbe, RESUME, startProxy, storedInterviews, TEST_MODELS_DIR } from '../e2e/harness/index.ts';
import type { SpeechTiming, TranscriptEntry, TurnTiming } from '../src/lib/interview/index.ts';
import { ANSWER_WAV_PATH } from '../src/lib/speech/stt/testdata/fixtures.ts';
import { decodeWav, encodeWav } from '../src/lib/speech/stt/wav.ts';
import { installTurnHooks, pressDone, readPageMarks } from './turn/page-hooks.ts';
import { geminiPacing, geminiUnaryMs, PROFILE_SETTINGS, readProfile, runpodTiming } from './turn/profile.ts';
import { SEED_EVALUATE_MARK, SEED_GENERATE_MARK, seedTurn, type SeedTurn } from './turn/seed.ts';
import { coveredMs, modelMsUntil, summaryRows, tailJob, turnMs, type TurnKind, type TurnMarks } from './turn/stages.ts';
import { markdownTable, ms, percentile } from './turn/stats.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROFILE = readProfile(process.argv.slice(2), process.env);
const TYPED_TURNS = Number(process.env.BENCH_TYPED_TURNS ?? 8);
const SPOKEN_TURNS = Number(process.env.BENCH_SPOKEN_TURNS ?? 8);
// A candidate presses Done a moment after their last word.
const DONE_AFTER_MS = Number(process.env.BENCH_DONE_AFTER_MS ?? 300);
const GEMINI_KEY = 'bench-gemini-key';
const RUNPOD_KEY = 'bench-runpod-key';
const MODEL = 'gemini-2.5-flash';
const TYPED_ANSWER = 'I led the move of our billing service to an event pipeline, ran both paths side by side for three weeks, and failed invoices fell by half.';
// What the seed's evaluation call answered: a short JSON judgment (seed process_answer).
const SEED_EVALUATION = JSON.stringify({ answer_quality: 'adequate', needs_follow_up: false, reason: 'The candidate gave a concrete example with a measured result.', next_action: 'next_topic' });

/** The first two sentences of the spoken fixture and a second of silence: the answer the fake microphone speaks. */
function benchAnswerWav(): { file: string; wav: Uint8Array; lastWordSeconds: number } {
  const info = JSON.parse(readFileSync(new URL('../src/lib/speech/stt/testdata/answer.json', import.meta.url), 'utf8')) as { sentences: { end: number }[] };
  const lastWordSeconds = info.sentences[1]?.end ?? 8.6;
  const decoded = decodeWav(new Uint8Array(readFileSync(ANSWER_WAV_PATH)));
  const wav = encodeWav(decoded.samples.subarray(0, Math.round((lastWordSeconds + 1) * decoded.sampleRate)), decoded.sampleRate);
  const dir = path.join(HERE, 'dist', 'turn');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'answer.wav');
  writeFileSync(file, wav);
  return { file, wav, lastWordSeconds };
}

function promptOf(record: GeminiRequestRecord): string {
  const body = record.body as { contents?: { parts?: { text?: string }[] }[] } | undefined;
  return (body?.contents ?? []).flatMap((content) => content.parts ?? []).map((part) => part.text ?? '').join('\n');
}

/** The demo interviewer, at the profile's pace; the seed's two calls answered as the seed's model would. */
function respond(record: GeminiRequestRecord): GeminiReply {
  const prompt = promptOf(record);
  if (prompt.includes(SEED_EVALUATE_MARK)) {
    return { kind: 'text', text: SEED_EVALUATION, chunks: 1, firstTokenMs: PROFILE.geminiFirstTokenMs, delayMs: geminiUnaryMs(SEED_EVALUATION, PROFILE) - PROFILE.geminiFirstTokenMs };
  }
  const reply = demoInterviewer(record);
  if (reply.kind !== 'text' || reply.delayMs === undefined) return reply;
  // The seed's question call has no decision line: the decision came from the evaluation.
  const text = prompt.includes(SEED_GENERATE_MARK) ? reply.text.replace(/^DECISION: \w+\n/, '') : reply.text;
  return { kind: 'text', text, ...geminiPacing(text, PROFILE) };
}

interface StoredContext {
  timings: TurnTiming[];
  speechTimings: SpeechTiming[];
  transcript: TranscriptEntry[];
}

async function storedContext(page: Page): Promise<StoredContext> {
  const records = (await storedInterviews(page)) as { snapshot?: { context?: StoredContext } }[];
  const context = records.at(-1)?.snapshot?.context;
  if (!context) throw new Error('No interview stored yet.');
  return context;
}

/** Waits until the turn answering what was sent after `since` (epoch ms) has its timing and its first audio. */
async function turnDone(page: Page, since: number): Promise<{ context: StoredContext; timing: TurnTiming; speech: SpeechTiming }> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const context = await storedContext(page);
    const timing = context.timings.find((candidate) => candidate.answerSubmittedAt !== null && candidate.answerSubmittedAt >= since);
    const speech = timing && context.speechTimings.find((candidate) => candidate.questionId === timing.questionId);
    if (timing && speech?.firstAudioAt != null) return { context, timing, speech };
    await page.waitForTimeout(100);
  }
  throw new Error('A turn did not reach its first audio within 60 s.');
}

async function awaitAnswer(page: Page): Promise<void> {
  await page.getByTestId('interview-status').and(page.locator('[data-phase="awaiting-answer"]')).waitFor({ timeout: 60_000 });
}

/** When the first audio after `after` was scheduled to start (epoch ms), from the page's own Web Audio calls. */
async function firstScheduledAfter(page: Page, after: number): Promise<{ scheduledAt: number }> {
  const probe = await readAudioProbe(page);
  const buffer = probe.buffers.find((played) => played.calledAtEpoch >= after);
  if (!buffer) throw new Error('No audio was scheduled after the answer.');
  return { scheduledAt: buffer.calledAtEpoch + (buffer.when - buffer.calledAt) * 1000 };
}

/** One warm-up turn of each kind, then typed and spoken answers in turn until each count is reached. */
function turnPlan(typed: number, spoken: number): { kind: TurnKind; counted: boolean }[] {
  const plan: { kind: TurnKind; counted: boolean }[] = [
    { kind: 'typed', counted: false },
    { kind: 'spoken', counted: false },
  ];
  for (let i = 0; i < Math.max(typed, spoken); i++) {
    if (i < typed) plan.push({ kind: 'typed', counted: true });
    if (i < spoken) plan.push({ kind: 'spoken', counted: true });
  }
  return plan;
}

const answer = benchAnswerWav();
const jobs: [number, number][] = [];
const gemini = await startFakeGemini({ apiKey: GEMINI_KEY, respond });
const runpod = await startFakeRunpod({
  apiKey: RUNPOD_KEY,
  endpointId: 'bench-endpoint',
  respond: (received) => {
    const reply = demoCandidate(received);
    if (reply.kind !== 'completed') return reply;
    const timing = runpodTiming(readWav(received.audio)?.seconds ?? 0, PROFILE);
    jobs.push([received.receivedAt, received.receivedAt + timing.queueMs + timing.runMs]);
    return { ...reply, ...timing };
  },
});
const proxy = await startProxy({
  GEMINI_API_KEY: GEMINI_KEY,
  GEMINI_BASE_URL: gemini.url,
  RUNPOD_API_KEY: RUNPOD_KEY,
  RUNPOD_ENDPOINT_ID: runpod.endpointId,
  RUNPOD_BASE_URL: runpod.url,
  MODELS_DIR: TEST_MODELS_DIR,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    // Warning: `%noloop` stops the file repeating; each new microphone stream plays it again from the start.
    `--use-file-for-fake-audio-capture=${answer.file}%noloop`,
  ],
});

const started = performance.now();
const loadBefore = os.loadavg()[0] ?? 0;
const ours: TurnMarks[] = [];
const seed: SeedTurn[] = [];
const outputLatencies: number[] = [];
// Each counted turn's marks with the fakes' own records, written to BENCH_JSON when it is set (for digging into a figure).
const raw: unknown[] = [];
const lastWordToDone: number[] = [];
try {
  const page = await browser.newPage();
  await installTurnHooks(page);
  await installAudioProbe(page);
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`page ${message.type()}: ${message.text()}`);
  });
  await page.goto(proxy.url);
  // Warm-up turns (one of each kind) load the voice, the voice-activity model and the connections; not counted.
  const plan = turnPlan(TYPED_TURNS, SPOKEN_TURNS);
  await page.getByTestId('resume-text').fill(RESUME);
  await page.getByTestId('jd-text').fill(JOB);
  await page.getByTestId('max-questions').fill(String(Math.min(40, plan.length + 2)));
  await page.getByTestId('max-questions').blur();
  await page.getByTestId('start-interview').click();
  for (const [index, turn] of plan.entries()) {
    await awaitAnswer(page);
    let doneAt: number | null = null;
    const since = Date.now();
    if (turn.kind === 'typed') {
      await page.getByTestId('answer').fill(TYPED_ANSWER);
      await page.getByTestId('answer').press('Control+Enter');
    } else {
      await page.getByTestId('mic-start').click();
      await page.getByTestId('mic-done').waitFor({ timeout: 60_000 });
      doneAt = await pressDone(page, answer.lastWordSeconds, DONE_AFTER_MS);
    }
    const { context, timing, speech } = await turnDone(page, since);
    if (!turn.counted) continue;
    const marks = await readPageMarks(page);
    const committedAt = Math.min(timing.answerSubmittedAt ?? Number.POSITIVE_INFINITY, turn.kind === 'typed' ? (marks.sends.at(-1) ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY);
    const candidate = context.transcript.filter((entry) => entry.role === 'candidate').at(-1);
    const listening = candidate?.role === 'candidate' ? candidate.listening : undefined;
    const request = gemini.requests.find((record) => record.stream && record.receivedAt >= committedAt && !promptOf(record).includes(SEED_GENERATE_MARK));
    const { scheduledAt } = await firstScheduledAfter(page, committedAt);
    if (!request || timing.firstTokenAt === null || speech.firstPieceAt == null) throw new Error(`Turn ${index + 1} is missing a mark.`);
    const tailTranscribedAt = turn.kind === 'spoken' ? (listening?.transcriptReadyAt ?? null) : null;
    const tail = tailTranscribedAt === null ? null : tailJob(jobs, since, tailTranscribedAt);
    ours.push({
      kind: turn.kind,
      doneAt,
      tailReceivedAt: tail?.[0] ?? null,
      tailAnsweredAt: tail?.[1] ?? null,
      tailTranscribedAt,
      committedAt,
      requestSentAt: timing.requestSentAt,
      firstTokenAt: timing.firstTokenAt,
      firstPieceAt: speech.firstPieceAt,
      firstAudioAt: scheduledAt,
      modelMs: modelMsUntil(request.receivedAt, request.eventsWrittenAt, speech.firstPieceAt),
      transcriptionMs: doneAt !== null && tailTranscribedAt !== null ? coveredMs(jobs, doneAt, tailTranscribedAt) : 0,
    });
    raw.push({ marks: ours.at(-1), request: { receivedAt: request.receivedAt, eventsWrittenAt: request.eventsWrittenAt }, jobs: jobs.filter(([start]) => start >= since), received: runpod.received.filter((job) => job.receivedAt >= since).map((job) => ({ at: job.receivedAt, bytes: job.audio.length, prompt: job.input.initial_prompt })), speech, timing, listening, page: await readPageMarks(page) });
    if (speech.firstAudioAt !== null) outputLatencies.push(speech.firstAudioAt - scheduledAt);
    if (doneAt !== null && listening?.speechEndAt != null) lastWordToDone.push(doneAt - listening.speechEndAt);
    // The seed's way for the same answer, on the same proxy and fakes, while the page waits for the next answer.
    seed.push(
      await seedTurn({
        proxyUrl: proxy.url,
        model: MODEL,
        answer: candidate?.text ?? TYPED_ANSWER,
        wav: turn.kind === 'spoken' ? answer.wav : null,
        synthesisMs: speech.pieces[0]?.synthesisMs ?? 0,
      }),
    );
  }
} finally {
  await browser.close();
  await proxy.stop();
  await runpod.close();
  await gemini.close();
}

if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(raw, null, 1));
const print = (lines: readonly string[]) => {
  for (const line of lines) console.log(line);
};
const header = ['stage', 'n', 'p50 ms', 'p95 ms', ''];
console.log(
  `pnpm bench:turn · ${new Date().toISOString().slice(0, 10)} · Chromium ${browser.version()} headless · ${String(os.cpus().length)} cores, load average ${loadBefore.toFixed(1)} before and ${(os.loadavg()[0] ?? 0).toFixed(1)} after (run it alone: the budget is tens of ms) · node ${process.version}`,
);
console.log(`The built app served by the real proxy; the fake Gemini and RunPod with this latency profile; the Kokoro test model (WASM); ${String(ours.length)} turns after one warm-up of each kind, typed and spoken in turn.\n`);
print(markdownTable(['profile', 'value', 'where the default comes from'], PROFILE_SETTINGS.map((setting) => [`${setting.flag} (${setting.env})`, String(PROFILE[setting.key]), setting.source])));
console.log(`\nSpoken answers: Chromium's fake microphone plays two sentences (last word at ${answer.lastWordSeconds.toFixed(2)} s); Done is pressed ${String(DONE_AFTER_MS)} ms after the last word (BENCH_DONE_AFTER_MS); Done sends the answer as soon as its words have landed.\n`);
console.log('**Typed answers** (Send → first audio scheduled):\n');
print(markdownTable(header, summaryRows(ours, 'typed')));
console.log('\n**Spoken answers** (Done → first audio scheduled):\n');
print(markdownTable(header, summaryRows(ours, 'spoken')));
const seedRows = (['typed', 'spoken'] as const).map((kind) => {
  const mine = ours.filter((turn) => turn.kind === kind).map(turnMs);
  const theirs = seed.filter((turn) => turn.kind === kind).map((turn) => turn.firstAudioMs);
  const ratio = percentile(theirs, 50) / percentile(mine, 50);
  return [kind === 'typed' ? 'typed: Send → first audio' : 'spoken: Done → first audio', ms(percentile(mine, 50)), ms(percentile(mine, 95)), ms(percentile(theirs, 50)), ms(percentile(theirs, 95)), `${ratio.toFixed(1)}×`];
});
console.log("\n**Beside the seed's way** (same fakes, same run: the whole buffer transcribed again at Done, one call to judge, a second to ask, speech from the first whole sentence):\n");
print(markdownTable(['turn', 'ours p50', 'ours p95', 'seed p50', 'seed p95', 'seed ÷ ours (p50)'], seedRows));
const seedSteps = (kind: 'typed' | 'spoken') => {
  const of = seed.filter((turn) => turn.kind === kind);
  const p50 = (values: number[]) => ms(percentile(values, 50));
  return [kind, p50(of.map((turn) => turn.transcribedMs)), p50(of.map((turn) => turn.judgedMs - turn.transcribedMs)), p50(of.map((turn) => turn.firstSentenceMs - turn.judgedMs)), p50(of.map((turn) => turn.firstAudioMs - turn.firstSentenceMs))];
};
console.log('\nThe seed, where its time goes (p50 ms):\n');
print(markdownTable(['seed turn', 'transcription', 'judging call', 'question to first sentence', 'synthesis'], [seedSteps('typed'), seedSteps('spoken')]));
console.log(
  `\nNot in the figures: the audio device's own output latency after the scheduled start (headless Chromium's null sink: p50 ${ms(percentile(outputLatencies, 50))} ms), and the candidate's own pause before Done (last word → Done as the app measured it: p50 ${ms(percentile(lastWordToDone, 50))} ms).`,
);
console.log(`Budget: what our code adds over the whole turn ≤ 50 ms p50, ≤ 100 ms p95. Took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
