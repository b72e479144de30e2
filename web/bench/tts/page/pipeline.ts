// The streaming speech pipeline on a real AudioContext, for `pnpm bench:tts`: a simulated LLM stream fed through the
// real QuestionSpeaker, Kokoro worker and audio queue, beside two baselines (whole question, whole sentences).
import { createAudioQueue, type AudioQueue } from '../../../src/lib/speech/tts/audio-queue.ts';
import { createPieceSplitter, speakableText, splitText, type SpeechPiece } from '../../../src/lib/speech/tts/pieces.ts';
import { pieceOverheadMs, type PieceTrace } from '../../../src/lib/speech/tts/pipeline-overhead.ts';
import { kokoroLabel, QuestionSpeaker } from '../../../src/lib/speech/tts/question-speaker.ts';
import { DEFAULT_SPEECH_SETTINGS, type SynthesizedPiece, type Synthesizer, type TtsBackendInfo } from '../../../src/lib/speech/tts/types.ts';

/** A question's text as an LLM streams it: `chunks` arrive `delayMs` apart, the first one at once. */
export interface SimulatedStream {
  chunks: readonly string[];
  delayMs: number;
}

/**
 * Who speaks the question: 'pipeline' is the app's QuestionSpeaker (a short first piece, then sentences, synthesized
 * while the text streams); 'whole' waits for the whole question and synthesizes it as one piece; 'sentences' streams
 * whole sentences only (our splitter without the short first piece, like kokoro-js's TextSplitterStream).
 */
export type PipelineMode = 'pipeline' | 'whole' | 'sentences';

/** One piece as measured, in milliseconds. */
export interface MeasuredPiece {
  index: number;
  chars: number;
  /** pieceOverheadMs: scheduled start − max(text ready, engine free) − synthesisMs (playback waits excluded). */
  overheadMs: number;
  /** The same with only the ONNX run taken out: phonemization and tokenizing count as overhead. Null when not measured. */
  allButOnnxMs: number | null;
  /** From max(last character arrived, engine free) to synthesize() called: the splitter's look-ahead and dispatch. */
  toSynthesisMs: number;
  /** Inside the worker: phonemes, tokens and the ONNX run. */
  synthesisMs: number;
  /** The ONNX run alone (the model's forward pass); null when the worker did not measure it. */
  onnxMs: number | null;
  /** synthesize() round trip on the main thread minus the worker's own time: messages and queueing both ways. */
  messagingMs: number;
  /** From synthesize() answered to the enqueue call on the main thread. */
  toEnqueueMs: number;
  /** How far ahead of the context's clock the queue put the piece (its lead, or the previous piece still playing). */
  leadMs: number;
  /** The scheduled start's epoch time minus the enqueue call's time minus the lead: the audio output latency as the context reports it. */
  outputLatencyMs: number;
  /** Length of the piece's audio. */
  audioMs: number;
}

/** One question spoken by one mode. */
export interface QuestionRun {
  mode: PipelineMode;
  chars: number;
  pieces: MeasuredPiece[];
  /** First chunk → the first audio's scheduled start. */
  firstAudioMs: number;
  /** First chunk → the first piece's last character (what the LLM stream itself takes). */
  firstTextMs: number;
  /** First chunk → last chunk. */
  streamMs: number;
}

/** The AudioContext as the bench found it. */
export interface AudioReport {
  state: string;
  sampleRate: number;
  baseLatencyMs: number;
  outputLatencyMs: number;
  /** Whether the context's clock moved during a short wait (it stands still when the context cannot run). */
  clockMoves: boolean;
}

/** What a pipeline needs: the loaded engine, the audio queue and its context, and the epoch clock in use. */
export interface PipelineDeps {
  synthesizer: Pick<Synthesizer, 'synthesize'>;
  info: TtsBackendInfo;
  queue: AudioQueue;
  context: Pick<BaseAudioContext, 'currentTime'>;
  clock: () => number;
  voice: string;
  speed: number;
}

/** Epoch milliseconds with sub-millisecond resolution, the one clock every measurement here uses. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

const WAIT_FOR_PIECES_MS = 30_000;

/** Creates the queue on a fresh interactive-latency AudioContext. */
export function createBenchAudio(): { context: AudioContext; queue: AudioQueue } {
  const context = new AudioContext({ latencyHint: 'interactive' });
  const queue = createAudioQueue({ context, now: epochNow, timeOrigin: performance.timeOrigin });
  return { context, queue };
}

/** Reports the context's state, and whether its clock runs. */
export async function reportAudio(context: AudioContext): Promise<AudioReport> {
  const before = context.currentTime;
  await sleep(120);
  return {
    state: context.state,
    sampleRate: context.sampleRate,
    baseLatencyMs: context.baseLatency * 1000,
    outputLatencyMs: context.outputLatency * 1000,
    clockMoves: context.currentTime > before,
  };
}

interface EnqueueRecord {
  calledAt: number;
  leadMs: number;
}

/** The queue with every enqueue call noted (when, and how far ahead of the context's clock it scheduled). */
function recordEnqueues(deps: PipelineDeps): { queue: AudioQueue; records: EnqueueRecord[] } {
  const { queue, context, clock } = deps;
  const records: EnqueueRecord[] = [];
  // Every other member, the `busy` getter included (it reads the queue's own state), comes from the real queue.
  const recorded: AudioQueue = Object.create(queue) as AudioQueue;
  recorded.enqueue = (pieceId, audio, sampleRate) => {
    const calledAt = clock();
    const contextTime = context.currentTime;
    const scheduled = queue.enqueue(pieceId, audio, sampleRate);
    records.push({ calledAt, leadMs: (scheduled.startTime - contextTime) * 1000 });
    return scheduled;
  };
  return { queue: recorded, records };
}

/** Speaks one streamed question with one mode and measures it; resolves once every piece is scheduled, then stops. */
export function speakQuestion(deps: PipelineDeps, mode: PipelineMode, id: string, stream: SimulatedStream): Promise<QuestionRun> {
  switch (mode) {
    case 'pipeline':
      return speakWithQuestionSpeaker(deps, id, stream);
    case 'whole':
    case 'sentences':
      return speakWithBaseline(deps, mode, id, stream);
    default: {
      const unknown: never = mode;
      throw new Error(`unknown mode ${String(unknown)}`);
    }
  }
}

/** The app's path: QuestionSpeaker.update on every chunk, Kokoro in the worker, the Web Audio queue. */
async function speakWithQuestionSpeaker(deps: PipelineDeps, id: string, stream: SimulatedStream): Promise<QuestionRun> {
  const { clock } = deps;
  const final = stream.chunks.join('');
  const expected = splitText(final).length;
  const traces: PieceTrace[] = [];
  const onnx: (number | null)[] = [];
  const { queue, records } = recordEnqueues(deps);
  let tracedAll: () => void = () => undefined;
  let engineFailed: (error: unknown) => void = () => undefined;
  const allTraced = new Promise<void>((resolve, reject) => {
    tracedAll = resolve;
    engineFailed = reject;
  });
  // Notes each piece's ONNX time in synthesis order (= trace order). Warning: the same promise goes back to the
  // speaker, so this adds no step to its chain; this callback runs before the speaker's own.
  const synthesizer: Pick<Synthesizer, 'synthesize'> = {
    synthesize(text, voice, speed) {
      const result = deps.synthesizer.synthesize(text, voice, speed);
      result.then(
        (piece) => onnx.push(piece.onnxMs ?? null),
        () => onnx.push(null),
      );
      return result;
    },
  };
  const speaker = new QuestionSpeaker({
    audio: queue,
    browserVoice: null,
    settings: { ...DEFAULT_SPEECH_SETTINGS, mode: 'kokoro', voice: deps.voice, speed: deps.speed },
    kokoro: { synthesizer, label: kokoroLabel(deps.info) },
    onTrace: (trace) => {
      traces.push(trace);
      if (traces.length >= expected) tracedAll();
    },
    onEngineError: (error) => engineFailed(error),
    now: clock,
  });
  try {
    let text = '';
    const firstTokenAt = clock();
    const marks = { answerSubmittedAt: null, firstTokenAt: Math.round(firstTokenAt) };
    for (const [index, chunk] of stream.chunks.entries()) {
      if (index > 0) await sleep(stream.delayMs);
      text += chunk;
      speaker.update({ id, text, streaming: true }, marks);
    }
    const lastChunkAt = clock();
    speaker.update({ id, text, streaming: false }, marks);
    await withTimeout(allTraced, () => `${traces.length} of ${expected} pieces scheduled`);
    const pieces = traces.map((trace, index) => measure(trace, onnx[index] ?? null, records[index]));
    const first = traces[0];
    if (!first) throw new Error('no piece was spoken');
    return { mode: 'pipeline', chars: final.length, pieces, firstAudioMs: first.scheduledAt - firstTokenAt, firstTextMs: first.textAt - firstTokenAt, streamMs: lastChunkAt - firstTokenAt };
  } finally {
    speaker.dispose();
  }
}

/** A baseline speaker: the same engine and queue, one synthesis at a time, pieces cut as `mode` says. */
async function speakWithBaseline(deps: PipelineDeps, mode: 'whole' | 'sentences', id: string, stream: SimulatedStream): Promise<QuestionRun> {
  const { clock } = deps;
  const { queue, records } = recordEnqueues(deps);
  const final = stream.chunks.join('');
  const splitter = createPieceSplitter({ firstPieceMinWords: Number.POSITIVE_INFINITY });
  const traces: PieceTrace[] = [];
  const onnx: (number | null)[] = [];
  let engine: Promise<void> = Promise.resolve();
  let engineFreeAt: number | null = null;
  let previousEndAt: number | null = null;
  let pieceId = 0;

  async function speak(piece: SpeechPiece, textAt: number): Promise<void> {
    const synthesisStartAt = clock();
    const freeAt = engineFreeAt;
    const spoken: SynthesizedPiece = await deps.synthesizer.synthesize(piece.text, deps.voice, deps.speed);
    const synthesisDoneAt = clock();
    engineFreeAt = synthesisDoneAt;
    const scheduled = queue.enqueue(++pieceId, spoken.audio, spoken.sampleRate);
    const audioMs = (spoken.audio.length / spoken.sampleRate) * 1000;
    traces.push({ questionId: id, index: piece.index, chars: piece.text.length, engine: 'kokoro', textAt, synthesisStartAt, synthesisDoneAt, synthesisMs: spoken.synthesisMs, scheduledAt: scheduled.at, previousEndAt, engineFreeAt: freeAt, audioMs });
    onnx.push(spoken.onnxMs ?? null);
    previousEndAt = scheduled.at + audioMs;
  }

  const accept = (pieces: readonly SpeechPiece[]): void => {
    const textAt = clock();
    for (const piece of pieces) engine = engine.then(() => speak(piece, textAt));
  };

  try {
    const firstTokenAt = clock();
    let text = '';
    for (const [index, chunk] of stream.chunks.entries()) {
      if (index > 0) await sleep(stream.delayMs);
      text += chunk;
      if (mode === 'sentences') accept(splitter.update(text).pieces);
    }
    const lastChunkAt = clock();
    if (mode === 'sentences') accept(splitter.finish());
    else accept([{ index: 0, text: speakableText(text), start: 0, end: text.length }]);
    await withTimeout(engine, () => `${traces.length} pieces scheduled`);
    const first = traces[0];
    if (!first) throw new Error('no piece was spoken');
    const pieces = traces.map((trace, index) => measure(trace, onnx[index] ?? null, records[index]));
    return { mode, chars: final.length, pieces, firstAudioMs: first.scheduledAt - firstTokenAt, firstTextMs: first.textAt - firstTokenAt, streamMs: lastChunkAt - firstTokenAt };
  } finally {
    queue.stop();
  }
}

function measure(trace: PieceTrace, onnxMs: number | null, enqueue: EnqueueRecord | undefined): MeasuredPiece {
  const ready = Math.max(trace.textAt, trace.engineFreeAt ?? Number.NEGATIVE_INFINITY);
  const startAt = trace.synthesisStartAt ?? ready;
  const doneAt = trace.synthesisDoneAt ?? startAt;
  const calledAt = enqueue?.calledAt ?? doneAt;
  const leadMs = enqueue?.leadMs ?? 0;
  return {
    index: trace.index,
    chars: trace.chars,
    overheadMs: pieceOverheadMs(trace),
    allButOnnxMs: onnxMs === null ? null : pieceOverheadMs({ ...trace, synthesisMs: onnxMs }),
    toSynthesisMs: startAt - ready,
    synthesisMs: trace.synthesisMs,
    onnxMs,
    messagingMs: doneAt - startAt - trace.synthesisMs,
    toEnqueueMs: calledAt - doneAt,
    leadMs,
    outputLatencyMs: trace.scheduledAt - calledAt - leadMs,
    audioMs: trace.audioMs,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withTimeout<T>(promise: Promise<T>, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_FOR_PIECES_MS} ms: ${what()}`)), WAIT_FOR_PIECES_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
