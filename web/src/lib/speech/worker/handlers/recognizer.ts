// The speech worker's handler for the recognizer (Moonshine or Whisper, the answer's words): load a model, transcribe a clip.
import { env as transformersEnv, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import type { OnnxWasmEnv } from '../../onnx/index.ts';
import { loadRecognizer, recognize } from '../../stt/engines/device/recognizer.ts';
import { applyModelSource, modelSourceSettings } from '../../tts/model-source.ts';
import { applyProgressEvent } from '../../tts/progress.ts';
import type { FileProgress } from '../../tts/types.ts';
import { SttCommand, SttReply, TtsReply, type SttToWorker } from '../speech.protocol.ts';
import { assertNever } from '../../../common/index.ts';
import { describeError, type SharedRuntime } from './runtime.ts';

/** The recognizer's handler: one model loaded at a time; loading another frees the first. */
export function createRecognizerHandler(runtime: SharedRuntime): (message: SttToWorker) => Promise<void> {
  let recognizer: { modelId: string; asr: AutomaticSpeechRecognitionPipeline } | null = null;

  return async (message) => {
    switch (message.type) {
      case SttCommand.load: {
        const { id, modelId, source, origin } = message;
        let files: readonly FileProgress[] = [];
        try {
          if (recognizer?.modelId !== modelId) {
            await recognizer?.asr.dispose().catch(() => undefined);
            recognizer = null;
            applyModelSource(transformersEnv, modelSourceSettings(source, origin));
            runtime.configure(transformersEnv.backends.onnx as OnnxWasmEnv, origin);
            const asr = await loadRecognizer(modelId, {
              device: 'wasm',
              progress_callback: (progress) => {
                const next = applyProgressEvent(files, progress);
                if (next === files) return;
                files = next;
                runtime.post({ type: TtsReply.progress, id, files });
              },
            });
            runtime.started();
            recognizer = { modelId, asr };
          }
          runtime.post({ type: SttReply.loaded, id });
        } catch (error) {
          runtime.post({ type: SttReply.failed, id, message: describeError(error) });
        }
        return;
      }
      case SttCommand.transcribe: {
        const { id, samples, language } = message;
        if (!recognizer) {
          runtime.post({ type: SttReply.failed, id, message: 'The speech recognition model is not loaded.' });
          return;
        }
        try {
          const started = performance.now();
          const text = await recognize(recognizer.asr, samples, language);
          runtime.post({ type: SttReply.transcribed, id, text, modelMs: performance.now() - started });
        } catch (error) {
          runtime.post({ type: SttReply.failed, id, message: describeError(error) });
        }
        return;
      }
      default:
        return assertNever(message, 'command');
    }
  };
}
