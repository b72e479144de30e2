// The speech worker's message loop: Kokoro (the interviewer's voice), Silero (voice activity) and Moonshine (the
// answer's words) on ONE ONNX Runtime, the very module transformers.js imports. ONNX runs go one at a time; progress is posted, samples transferred.
// @ts-expect-error onnxruntime-web's package "exports" name no types, so TypeScript finds none; OrtRuntime covers what is used.
import * as ortModule from 'onnxruntime-web';
import { configureOnnxWasm } from '../onnx/index.ts';
import { env as transformersEnv, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { OnnxWasmEnv } from '../onnx/index.ts';
import { loadRecognizer, recognize } from '../stt/engines/device/recognizer.ts';
import { SILERO_MODEL_PATH, createSileroDetector, type OrtRuntime, type SpeechDetector } from '../stt/vad.ts';
import { applyModelSource, modelSourceSettings } from '../tts/model-source.ts';
import { loadEngine, synthesizeWith, type EngineScope, type LoadedEngine } from '../tts/engine.ts';
import { applyProgressEvent } from '../tts/progress.ts';
import type { FileProgress } from '../tts/types.ts';
import { createTwoLaneRunner } from './lanes.ts';
import { isSttRequest, isVadRequest, SttCommand, SttReply, TtsCommand, TtsErrorCode, TtsReply, VadCommand, VadReply, type FromWorker, type SttToWorker, type ToWorker, type TtsToWorker, type VadToWorker } from './speech.protocol.ts';
import { assertNever } from '../../common/index.ts';

/** The worker's global scope as far as this loop uses it (the DOM lib types `self` as a window). */
const scope = self as unknown as {
  crossOriginIsolated: boolean;
  navigator: { hardwareConcurrency?: number };
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

const ort = ortModule as OrtRuntime;
let engine: LoadedEngine | null = null;
let vad: SpeechDetector | null = null;
let recognizer: { modelId: string; asr: AutomaticSpeechRecognitionPipeline } | null = null;
/**
 * ONNX Runtime's WASM thread count once a model has loaded. Warning: the runtime reads it only when it starts (the
 * first session of either model), so the second model must not configure a different one.
 */
let runtimeThreads: number | null = null;

// Voice activity goes first: a frame waits at most for the one Kokoro request already running, never for the
// pieces queued behind it. A synthesis in progress still delays frames (its ONNX run blocks this thread); that is
// acceptable because the interviewer's voice stops as soon as the candidate starts answering.
const runner = createTwoLaneRunner<TtsToWorker | VadToWorker>(isVadRequest, async (message) => {
  try {
    await (isVadRequest(message) ? handleVad(message) : handleTts(message));
  } catch (error) {
    // A message the loop did not expect; the runner keeps going.
    if (isVadRequest(message)) scope.postMessage({ type: VadReply.failed, id: message.id, message: describe(error) });
    else scope.postMessage({ type: TtsReply.failed, id: message.id, code: TtsErrorCode.worker, message: describe(error) });
  }
});

// Kokoro's requests keep their order among themselves. Its load (a download of up to ~100 MB on first use) runs
// outside the runner, so voice-activity frames never wait for it; its syntheses go through the runner.
let kokoroChain: Promise<void> = Promise.resolve();

// The recognizer's requests keep their order on their own chain, outside the runner: a transcription is many short
// ONNX runs (the encoder, then one decoder step per token) with a yield between each, so a voice-activity frame
// waits for at most one of them, never for the whole clip.
let sttChain: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (isVadRequest(message)) {
    void runner.push(message);
    return;
  }
  if (isSttRequest(message)) {
    sttChain = sttChain.then(() => handleStt(message)).catch(() => undefined);
    return;
  }
  kokoroChain = kokoroChain.then(() => (message.type === TtsCommand.load ? handleTts(message) : runner.push(message))).catch(() => undefined);
});

/** Where Kokoro runs; once the runtime has started, its thread count is the one it started with. */
function environment(threads: number | null): EngineScope {
  return { crossOriginIsolated: scope.crossOriginIsolated, cores: scope.navigator.hardwareConcurrency ?? 1, threads: runtimeThreads ?? threads };
}

async function handleTts(message: TtsToWorker): Promise<void> {
  switch (message.type) {
    case TtsCommand.load: {
      const { id, options, threads } = message;
      let files: readonly FileProgress[] = [];
      await disposeEngine();
      try {
        engine = await loadEngine(options, environment(threads), (progress) => {
          const next = applyProgressEvent(files, progress);
          if (next === files) return;
          files = next;
          scope.postMessage({ type: TtsReply.progress, id, files });
        });
        runtimeThreads ??= ort.env.wasm.numThreads ?? 1;
        scope.postMessage({ type: TtsReply.loaded, id, info: engine.info });
      } catch (error) {
        engine = null;
        scope.postMessage({ type: TtsReply.failed, id, code: TtsErrorCode.load, message: describe(error) });
      }
      return;
    }
    case TtsCommand.synthesize: {
      const { id, text, voice, speed } = message;
      if (!engine) {
        scope.postMessage({ type: TtsReply.failed, id, code: TtsErrorCode.notLoaded, message: 'The voice model is not loaded.' });
        return;
      }
      try {
        const piece = await synthesizeWith(engine.tts, text, voice, speed, { modelTimer: engine.modelTimer });
        scope.postMessage({ type: TtsReply.synthesized, id, ...piece }, [piece.audio.buffer as ArrayBuffer]);
      } catch (error) {
        scope.postMessage({ type: TtsReply.failed, id, code: TtsErrorCode.synthesis, message: describe(error) });
      }
      return;
    }
    case TtsCommand.unload:
      await disposeEngine();
      return;
    default:
      return assertNever(message, 'command');
  }
}

async function handleVad(message: VadToWorker): Promise<void> {
  switch (message.type) {
    case VadCommand.load: {
      const { id, origin } = message;
      try {
        if (!vad) {
          if (runtimeThreads === null) configureOnnxWasm(ort.env, { origin, crossOriginIsolated: scope.crossOriginIsolated, cores: scope.navigator.hardwareConcurrency ?? 1 });
          const response = await fetch(`${origin}${SILERO_MODEL_PATH}`);
          if (!response.ok) throw new Error(`the voice activity model answered ${response.status}`);
          vad = await createSileroDetector(ort, await response.arrayBuffer());
          runtimeThreads ??= ort.env.wasm.numThreads ?? 1;
        }
        scope.postMessage({ type: VadReply.loaded, id });
      } catch (error) {
        scope.postMessage({ type: VadReply.failed, id, message: describe(error) });
      }
      return;
    }
    case VadCommand.frame: {
      const { id, frame } = message;
      if (!vad) {
        scope.postMessage({ type: VadReply.failed, id, message: 'The voice activity model is not loaded.' });
        return;
      }
      try {
        scope.postMessage({ type: VadReply.probability, id, probability: await vad.probability(frame) });
      } catch (error) {
        scope.postMessage({ type: VadReply.failed, id, message: describe(error) });
      }
      return;
    }
    case VadCommand.reset:
      vad?.reset();
      return;
    default:
      return assertNever(message, 'command');
  }
}

async function handleStt(message: SttToWorker): Promise<void> {
  switch (message.type) {
    case SttCommand.load: {
      const { id, modelId, source, origin } = message;
      let files: readonly FileProgress[] = [];
      try {
        if (recognizer?.modelId !== modelId) {
          await recognizer?.asr.dispose().catch(() => undefined);
          recognizer = null;
          applyModelSource(transformersEnv, modelSourceSettings(source, origin));
          if (runtimeThreads === null) configureOnnxWasm(transformersEnv.backends.onnx as OnnxWasmEnv, { origin, crossOriginIsolated: scope.crossOriginIsolated, cores: scope.navigator.hardwareConcurrency ?? 1 });
          const asr = await loadRecognizer(modelId, {
            device: 'wasm',
            progress_callback: (progress) => {
              const next = applyProgressEvent(files, progress);
              if (next === files) return;
              files = next;
              scope.postMessage({ type: TtsReply.progress, id, files });
            },
          });
          runtimeThreads ??= ort.env.wasm.numThreads ?? 1;
          recognizer = { modelId, asr };
        }
        scope.postMessage({ type: SttReply.loaded, id });
      } catch (error) {
        scope.postMessage({ type: SttReply.failed, id, message: describe(error) });
      }
      return;
    }
    case SttCommand.transcribe: {
      const { id, samples, language } = message;
      if (!recognizer) {
        scope.postMessage({ type: SttReply.failed, id, message: 'The speech recognition model is not loaded.' });
        return;
      }
      try {
        const started = performance.now();
        const text = await recognize(recognizer.asr, samples, language);
        scope.postMessage({ type: SttReply.transcribed, id, text, modelMs: performance.now() - started });
      } catch (error) {
        scope.postMessage({ type: SttReply.failed, id, message: describe(error) });
      }
      return;
    }
    default:
      return assertNever(message, 'command');
  }
}

/** Frees the loaded Kokoro model's ONNX sessions (the runtime and the VAD's session stay). */
async function disposeEngine(): Promise<void> {
  const loaded = engine;
  engine = null;
  await loaded?.tts.model.dispose().catch(() => undefined);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
