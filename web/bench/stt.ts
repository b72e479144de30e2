// `pnpm bench:stt`: what each speech-to-text engine adds per segment beyond the work it waits on, in the same run.
// Device: the real transformers.js pipeline on the tiny Moonshine stand-in (ONNX Runtime for Node), everything but
// the ONNX session runs. RunPod: the engine (PCM → WAV → base64 → JSON → HTTP → text) against a local server that
// answers after a set round trip (BENCH_RTT_MS, default 300), everything but that wait. Then, in the built app in
// headless Chromium (stt/done-to-landed.ts): Done → text landed for RunPod (fake, bench:turn's latency profile) and this
// device, and the voice-activity frames' delay while a transcription runs (BENCH_STT_ANSWERS answers each, default 5).
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { env } from '@huggingface/transformers';
import { STT_TEST_MODELS_DIR } from '../scripts/make-stt-test-models.ts';
import { createApiFetch } from '../src/lib/api/index.ts';
import { MOONSHINE_MODELS } from '../src/lib/speech/stt/engines/device/models.ts';
import { loadRecognizer, recognize } from '../src/lib/speech/stt/engines/device/recognizer.ts';
import { createRunpodEngine } from '../src/lib/speech/stt/engines/runpod/index.ts';
import { floatToPcm16 } from '../src/lib/speech/stt/resample.ts';
import { loadAnswerFixture } from '../src/lib/speech/stt/testdata/fixtures.ts';
import { benchInBrowser, DONE_AFTER_MS, type EngineRun } from './stt/done-to-landed.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const RTT_MS = Number(process.env.BENCH_RTT_MS ?? 300);
const SEGMENT_SECONDS = [1, 3, 6, 12] as const;
const BUDGET_MS = 30;
const ANSWERS = Number(process.env.BENCH_STT_ANSWERS ?? 5);

interface TimedSession {
  run: (...args: unknown[]) => Promise<unknown>;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** Device: total recognize() time minus the time inside ONNX session runs, per segment. */
async function benchDevice(segments: Map<number, Float32Array>): Promise<Map<number, { overhead: number[]; total: number[]; onnx: number[] }>> {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = STT_TEST_MODELS_DIR;
  const asr = await loadRecognizer(MOONSHINE_MODELS.base, { device: 'cpu' });
  let onnxMs = 0;
  const sessions = (asr.model as unknown as { sessions: Record<string, TimedSession> }).sessions;
  for (const session of Object.values(sessions)) {
    const run = session.run.bind(session);
    session.run = async (...args) => {
      const started = performance.now();
      try {
        return await run(...args);
      } finally {
        onnxMs += performance.now() - started;
      }
    };
  }
  const results = new Map<number, { overhead: number[]; total: number[]; onnx: number[] }>();
  for (const [seconds, samples] of segments) {
    const result = { overhead: [] as number[], total: [] as number[], onnx: [] as number[] };
    await recognize(asr, samples);
    for (let round = 0; round < ROUNDS; round++) {
      onnxMs = 0;
      const started = performance.now();
      await recognize(asr, samples);
      const total = performance.now() - started;
      result.total.push(total);
      result.onnx.push(onnxMs);
      result.overhead.push(total - onnxMs);
    }
    results.set(seconds, result);
  }
  await asr.dispose();
  return results;
}

/** RunPod: the engine's whole call minus the server's set wait, per segment. */
async function benchRunpod(segments: Map<number, Float32Array>): Promise<Map<number, { overhead: number[]; total: number[] }>> {
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on('end', () => setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ transcription: 'alpha bravo charlie' })), RTT_MS));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const engine = createRunpodEngine({ apiFetch: createApiFetch({ baseUrl: base, getToken: () => null }), model: () => 'small' });
  const results = new Map<number, { overhead: number[]; total: number[] }>();
  for (const [seconds, samples] of segments) {
    const pcm = floatToPcm16(samples);
    const result = { overhead: [] as number[], total: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await engine.transcribe({ pcm, language: 'en', prompt: '', clipId: `bench-clip-${seconds}-${round}` }, new AbortController().signal);
      const total = performance.now() - started;
      result.total.push(total);
      result.overhead.push(total - RTT_MS);
    }
    results.set(seconds, result);
  }
  await new Promise((resolve) => server.close(resolve));
  return results;
}

async function main(): Promise<void> {
  const { samples } = await loadAnswerFixture();
  // Segments cut from the spoken fixture, repeated where the fixture is shorter.
  const segments = new Map(SEGMENT_SECONDS.map((seconds) => [seconds, Float32Array.from({ length: seconds * 16_000 }, (_, i) => samples[i % samples.length] ?? 0)]));
  const loadBefore = os.loadavg()[0] ?? 0;
  const device = await benchDevice(segments);
  const runpod = await benchRunpod(segments);
  console.log(`bench:stt, ${ROUNDS} rounds per segment, Node ${process.version}; budget: the pipeline adds <= ${BUDGET_MS} ms per segment`);
  console.log('segment | device: pipeline overhead p50 / p95 / max (ONNX p50, total p50) | RunPod engine: overhead p50 / p95 (total p50, server wait ' + RTT_MS + ' ms)');
  for (const seconds of SEGMENT_SECONDS) {
    const d = device.get(seconds);
    const r = runpod.get(seconds);
    if (!d || !r) continue;
    console.log(
      `${String(seconds).padStart(2)} s    | ${fmt(percentile(d.overhead, 50))} / ${fmt(percentile(d.overhead, 95))} / ${fmt(Math.max(...d.overhead))} (${fmt(percentile(d.onnx, 50))}, ${fmt(percentile(d.total, 50))})` +
        ` | ${fmt(percentile(r.overhead, 50))} / ${fmt(percentile(r.overhead, 95))} (${fmt(percentile(r.total, 50))})`,
    );
  }
  if (ANSWERS > 0) printBrowser(await benchInBrowser(ANSWERS), loadBefore);
}

const ENGINE_NAMES: Record<EngineRun['engine'], string> = { runpod: 'RunPod (fake, through the proxy)', device: 'this device (Moonshine stand-in, speech worker)' };

function spread(values: number[], high: number): string {
  return values.length === 0 ? 'n 0' : `n ${values.length}: ${fmt(percentile(values, 50))} / ${fmt(percentile(values, high))} / ${fmt(Math.max(...values))}`;
}

function printBrowser(result: Awaited<ReturnType<typeof benchInBrowser>>, loadBefore: number): void {
  const { profile } = result;
  console.log(
    `\nIn the built app (Chromium ${result.chromium} headless, fake microphone: two sentences, Done ${DONE_AFTER_MS} ms after the last word), ${ANSWERS} answers per engine after a warm-up (its frames not counted); ` +
      `RunPod answers after ${profile.runpodQueueMs} ms queue + ${profile.runpodRunMs} ms + ${profile.runpodMsPerAudioSecond} ms per audio second (bench:turn's profile). Load average ${loadBefore.toFixed(1)} before, ${(os.loadavg()[0] ?? 0).toFixed(1)} after.`,
  );
  console.log('engine | Done → text landed p50 / p95 / max | VAD frame post → reply while a transcription runs p50 / p99 / max | other frames p50 / p99 / max');
  for (const run of result.runs) {
    const during = run.frames.filter((frame) => frame.duringTranscription).map((frame) => frame.ms);
    const other = run.frames.filter((frame) => !frame.duringTranscription).map((frame) => frame.ms);
    console.log(`${ENGINE_NAMES[run.engine]} | ${spread(run.doneToLanded, 95)} | ${spread(during, 99)} | ${spread(other, 99)}`);
  }
  console.log('Frames "while a transcription runs": posted, or answered, while the speech worker had a transcription in flight (RunPod: none run in the worker).');
}

await main();
