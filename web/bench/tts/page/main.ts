// TTS benchmark page: exposes the real Kokoro worker (TtsClient) and the streaming speech pipeline on a real
// AudioContext to a Playwright driver as `window.xquizitTtsBench`, and shows download progress and results on the page.
import { kokoroBlocker, type KokoroBlocker } from '../../../src/lib/speech/tts/device.ts';
import { summarizeProgress, type FileProgress, type ProgressSummary } from '../../../src/lib/speech/models/index.ts';
import { TtsClient, TtsEngineError } from '../../../src/lib/speech/tts/tts.client.ts';
import type { TtsBackendInfo, TtsLoadOptions } from '../../../src/lib/speech/tts/types.ts';
import { createBenchAudio, epochNow, reportAudio, speakQuestion, type AudioReport, type PipelineMode, type QuestionRun, type SimulatedStream } from './pipeline.ts';

export type { AudioReport, MeasuredPiece, PipelineMode, QuestionRun, SimulatedStream } from './pipeline.ts';

/** Where the page runs. */
export interface TtsBenchEnvironment {
  crossOriginIsolated: boolean;
  cores: number;
  blocker: KokoroBlocker;
  webgpu: boolean;
}

/** What a load reports. */
export interface TtsBenchLoad {
  info: TtsBackendInfo;
  /** From the call to the model being ready, worker start included. */
  loadMs: number;
  files: readonly FileProgress[];
  summary: ProgressSummary;
  progressEvents: number;
}

/** What a synthesis reports (samples summarized, so they cross into the driver cheaply). */
export interface TtsBenchPiece {
  samples: number;
  sampleRate: number;
  /** Inside the worker (phonemes + ONNX run). */
  synthesisMs: number;
  /** The ONNX run alone, as the worker measured it; null when it did not. */
  onnxMs: number | null;
  /** From the call to the samples on the main thread: synthesisMs plus the messaging. */
  roundTripMs: number;
  peak: number;
  /** Sum of the samples, to compare runs for determinism. */
  checksum: number;
  /** Whether the samples arrived in their own ArrayBuffer (transferred, not a view into something larger). */
  ownBuffer: boolean;
}

/** A failure, as plain data. */
export interface TtsBenchFailure {
  failed: true;
  name: string;
  code: string | null;
  message: string;
}

/** What the driver calls inside the page. */
export interface TtsBenchApi {
  environment(): TtsBenchEnvironment;
  /** Loads with defaults: source 'this-server', device 'wasm', this origin; `threads` fixes the WASM thread count. */
  load(options?: Partial<TtsLoadOptions> & { threads?: number }): Promise<TtsBenchLoad | TtsBenchFailure>;
  synthesize(text: string, voice?: string, speed?: number): Promise<TtsBenchPiece | TtsBenchFailure>;
  /** The AudioContext the pipeline plays on; click #start-audio first (a user gesture) so the browser lets it run. */
  audio(): Promise<AudioReport | TtsBenchFailure>;
  /** Streams a question into one pipeline mode (after a load and #start-audio) and measures every piece. */
  speakQuestion(mode: PipelineMode, id: string, stream: SimulatedStream, voice?: string, speed?: number): Promise<QuestionRun | TtsBenchFailure>;
  dispose(): void;
}

const progressBar = document.querySelector<HTMLProgressElement>('#progress')!;
const percentText = document.querySelector<HTMLOutputElement>('#percent')!;
const log = document.querySelector<HTMLPreElement>('#log')!;
const write = (line: string) => {
  log.textContent += `${line}\n`;
};

let client: TtsClient | null = null;
let bench: ReturnType<typeof createBenchAudio> | null = null;

// The app unlocks audio on the Start tap; the driver clicks this button, so the context starts as it does there.
document.querySelector<HTMLButtonElement>('#start-audio')!.addEventListener('click', () => {
  bench ??= createBenchAudio();
  bench.queue.unlock().catch((error: unknown) => write(`audio did not start: ${String(error)}`));
});

function failure(error: unknown): TtsBenchFailure {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  write(`failed: ${message}`);
  return { failed: true, name, code: error instanceof TtsEngineError ? error.code : null, message };
}

const api: TtsBenchApi = {
  environment: () => ({
    crossOriginIsolated: self.crossOriginIsolated,
    cores: navigator.hardwareConcurrency,
    blocker: kokoroBlocker(globalThis.WebAssembly),
    webgpu: 'gpu' in navigator,
  }),

  async load(options = {}) {
    client?.dispose();
    client = new TtsClient(options.threads === undefined ? {} : { threads: options.threads });
    const full: TtsLoadOptions = { source: options.source ?? 'this-server', device: options.device ?? 'wasm', origin: options.origin ?? location.origin };
    let files: readonly FileProgress[] = [];
    let progressEvents = 0;
    const started = performance.now();
    try {
      const info = await client.load(full, (next) => {
        files = next;
        progressEvents += 1;
        const summary = summarizeProgress(next);
        progressBar.value = summary.percent;
        percentText.value = `${summary.percent}%`;
      });
      const loadMs = performance.now() - started;
      write(`loaded ${full.source} on ${info.device} (${info.dtype}, ${info.threads} threads) in ${loadMs.toFixed(0)} ms`);
      return { info, loadMs, files, summary: summarizeProgress(files), progressEvents };
    } catch (error) {
      return failure(error);
    }
  },

  async synthesize(text, voice = 'af_bella', speed = 1) {
    if (!client) return failure(new Error('load first'));
    const started = performance.now();
    try {
      const piece = await client.synthesize(text, voice, speed);
      const roundTripMs = performance.now() - started;
      let peak = 0;
      let checksum = 0;
      for (const sample of piece.audio) {
        peak = Math.max(peak, Math.abs(sample));
        checksum += sample;
      }
      const ownBuffer = piece.audio.byteOffset === 0 && piece.audio.byteLength === piece.audio.buffer.byteLength;
      write(`"${text}" → ${piece.audio.length} samples in ${piece.synthesisMs.toFixed(1)} ms (${roundTripMs.toFixed(1)} ms round trip)`);
      return { samples: piece.audio.length, sampleRate: piece.sampleRate, synthesisMs: piece.synthesisMs, onnxMs: piece.onnxMs ?? null, roundTripMs, peak, checksum, ownBuffer };
    } catch (error) {
      return failure(error);
    }
  },

  async audio() {
    if (!bench) return failure(new Error('click #start-audio first'));
    const report = await reportAudio(bench.context);
    write(`AudioContext ${report.state} at ${report.sampleRate} Hz, clock ${report.clockMoves ? 'running' : 'standing still'}`);
    return report;
  },

  async speakQuestion(mode, id, stream, voice = 'af_bella', speed = 1) {
    const info = client?.info;
    if (!client || !info) return failure(new Error('load first'));
    if (!bench) return failure(new Error('click #start-audio first'));
    try {
      const run = await speakQuestion({ synthesizer: client, info, queue: bench.queue, context: bench.context, clock: epochNow, voice, speed }, mode, id, stream);
      write(`${mode} ${id}: ${run.pieces.length} pieces, first audio ${run.firstAudioMs.toFixed(1)} ms after the first token`);
      return run;
    } catch (error) {
      return failure(error);
    }
  },

  dispose() {
    client?.dispose();
    client = null;
    bench?.queue.dispose();
    void bench?.context.close();
    bench = null;
  },
};

(window as unknown as { xquizitTtsBench: TtsBenchApi }).xquizitTtsBench = api;
