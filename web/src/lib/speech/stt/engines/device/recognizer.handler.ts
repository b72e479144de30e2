// The speech worker's handler for the recognizer (Moonshine or Whisper, the answer's words): load a model on the
// backend asked for (or the faster one, by a warm-up), transcribe a clip.
import { env as transformersEnv, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { assertNever } from '../../../../common/index.ts';
import { applyModelSource, applyProgressEvent, downloadProgress, modelSourceSettings, type FileProgress } from '../../../models/index.ts';
import { hasWebGpuAdapter, type OnnxWasmEnv } from '../../../onnx/index.ts';
import { describeError, type SharedRuntime } from '../../../worker/runtime.ts';
import { warmupClip, type RecognizerDevice } from './backend.ts';
import { loadOnBest } from './load-on-best.ts';
import { SttCommand, SttReply, type SttFromWorker, type SttToWorker } from './recognizer.protocol.ts';
import { loadRecognizer, recognize } from './recognizer.ts';

/** The recognizer's handler: one model loaded at a time; loading another (or on another backend) frees the first. */
export function createRecognizerHandler(runtime: SharedRuntime): (message: SttToWorker) => Promise<void> {
  let recognizer: { modelId: string; asr: AutomaticSpeechRecognitionPipeline; device: RecognizerDevice } | null = null;
  const reply = (message: SttFromWorker): void => runtime.post(message);

  return async (message) => {
    switch (message.type) {
      case SttCommand.load: {
        const { id, modelId, source, origin, device } = message;
        let files: readonly FileProgress[] = [];
        const progress_callback = (event: Parameters<typeof applyProgressEvent>[1]): void => {
          const next = applyProgressEvent(files, event);
          if (next === files) return;
          files = next;
          reply(downloadProgress(id, files));
        };
        try {
          if (recognizer?.modelId !== modelId || (device !== 'auto' && device !== recognizer.device)) {
            await recognizer?.asr.dispose().catch(() => undefined);
            recognizer = null;
            applyModelSource(transformersEnv, modelSourceSettings(source, origin));
            runtime.configure(transformersEnv.backends.onnx as OnnxWasmEnv, origin);
            const clip = warmupClip();
            const loaded = await loadOnBest(device, {
              hasWebGpu: () => hasWebGpuAdapter(runtime.scope.navigator.gpu),
              load: (on) => loadRecognizer(modelId, { device: on, progress_callback }),
              timeWarmup: async (asr) => {
                const started = performance.now();
                await recognize(asr, clip);
                return performance.now() - started;
              },
            });
            runtime.started();
            recognizer = { modelId, asr: loaded.model, device: loaded.device };
            // For whoever wonders why this device chose as it did (DevTools' console of the speech worker).
            if (loaded.warmupMs) console.info(`xquizit: ${modelId} warm-up: WebGPU ${String(loaded.warmupMs.webgpu)} ms, WASM ${String(loaded.warmupMs.wasm)} ms; running on ${loaded.device}.`);
          }
          reply({ type: SttReply.loaded, id, device: recognizer.device });
        } catch (error) {
          reply({ type: SttReply.failed, id, message: describeError(error) });
        }
        return;
      }
      case SttCommand.transcribe: {
        const { id, samples, language } = message;
        if (!recognizer) {
          reply({ type: SttReply.failed, id, message: 'The speech recognition model is not loaded.' });
          return;
        }
        try {
          const started = performance.now();
          const text = await recognize(recognizer.asr, samples, language);
          reply({ type: SttReply.transcribed, id, text, modelMs: performance.now() - started });
        } catch (error) {
          reply({ type: SttReply.failed, id, message: describeError(error) });
        }
        return;
      }
      default:
        return assertNever(message, 'command');
    }
  };
}
