// The speech worker's handler for Kokoro (the interviewer's voice): load, synthesize, unload.
import { loadEngine, synthesizeWith, type EngineScope, type LoadedEngine } from '../../tts/engine.ts';
import { applyProgressEvent } from '../../tts/progress.ts';
import type { FileProgress } from '../../tts/types.ts';
import { TtsCommand, TtsErrorCode, TtsReply, type TtsToWorker } from '../speech.protocol.ts';
import { assertNever } from '../../../common/index.ts';
import { describeError, type SharedRuntime } from './runtime.ts';

/** Kokoro's handler: one loaded model at a time. */
export function createKokoroHandler(runtime: SharedRuntime): (message: TtsToWorker) => Promise<void> {
  let engine: LoadedEngine | null = null;

  /** Where Kokoro runs; once the runtime has started, its thread count is the one it started with. */
  const environment = (threads: number | null): EngineScope => ({ crossOriginIsolated: runtime.scope.crossOriginIsolated, cores: runtime.cores, threads: runtime.threads ?? threads });

  /** Frees the loaded model's ONNX sessions (the runtime and the other models stay). */
  async function disposeEngine(): Promise<void> {
    const loaded = engine;
    engine = null;
    await loaded?.tts.model.dispose().catch(() => undefined);
  }

  return async (message) => {
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
            runtime.post({ type: TtsReply.progress, id, files });
          });
          runtime.started();
          runtime.post({ type: TtsReply.loaded, id, info: engine.info });
        } catch (error) {
          engine = null;
          runtime.post({ type: TtsReply.failed, id, code: TtsErrorCode.load, message: describeError(error) });
        }
        return;
      }
      case TtsCommand.synthesize: {
        const { id, text, voice, speed } = message;
        if (!engine) {
          runtime.post({ type: TtsReply.failed, id, code: TtsErrorCode.notLoaded, message: 'The voice model is not loaded.' });
          return;
        }
        try {
          const piece = await synthesizeWith(engine.tts, text, voice, speed, { modelTimer: engine.modelTimer });
          runtime.post({ type: TtsReply.synthesized, id, ...piece }, [piece.audio.buffer as ArrayBuffer]);
        } catch (error) {
          runtime.post({ type: TtsReply.failed, id, code: TtsErrorCode.synthesis, message: describeError(error) });
        }
        return;
      }
      case TtsCommand.unload:
        await disposeEngine();
        return;
      default:
        return assertNever(message, 'command');
    }
  };
}
