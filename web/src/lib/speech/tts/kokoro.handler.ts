// The speech worker's handler for Kokoro (the interviewer's voice): load, synthesize, unload.
import { assertNever } from '../../common/index.ts';
import { applyProgressEvent, downloadProgress, type FileProgress } from '../models/index.ts';
import { describeError, type SharedRuntime } from '../worker/runtime.ts';
import { loadEngine, synthesizeWith, type EngineScope, type LoadedEngine } from './engine.ts';
import { TtsCommand, TtsErrorCode, TtsReply, type TtsFromWorker, type TtsToWorker } from './kokoro.protocol.ts';

/** Kokoro's handler: one loaded model at a time. */
export function createKokoroHandler(runtime: SharedRuntime): (message: TtsToWorker) => Promise<void> {
  let engine: LoadedEngine | null = null;
  const reply = (message: TtsFromWorker, transfer?: Transferable[]): void => runtime.post(message, transfer);

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
            reply(downloadProgress(id, files));
          });
          runtime.started();
          reply({ type: TtsReply.loaded, id, info: engine.info });
        } catch (error) {
          engine = null;
          reply({ type: TtsReply.failed, id, code: TtsErrorCode.load, message: describeError(error) });
        }
        return;
      }
      case TtsCommand.synthesize: {
        const { id, text, voice, speed } = message;
        if (!engine) {
          reply({ type: TtsReply.failed, id, code: TtsErrorCode.notLoaded, message: 'The voice model is not loaded.' });
          return;
        }
        try {
          const piece = await synthesizeWith(engine.tts, text, voice, speed, { modelTimer: engine.modelTimer });
          reply({ type: TtsReply.synthesized, id, ...piece }, [piece.audio.buffer as ArrayBuffer]);
        } catch (error) {
          reply({ type: TtsReply.failed, id, code: TtsErrorCode.synthesis, message: describeError(error) });
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
