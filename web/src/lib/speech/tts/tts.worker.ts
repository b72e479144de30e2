// The Kokoro worker's message loop: one engine per worker, requests handled one at a time in arrival order,
// download progress posted as messages, samples transferred back.
import { loadEngine, synthesizeWith, type LoadedEngine } from './engine.ts';
import { applyProgressEvent } from './progress.ts';
import { TtsCommand, TtsErrorCode, TtsReply, type FromWorker, type ToWorker } from './tts.protocol.ts';
import type { FileProgress } from './types.ts';

/** The worker's global scope as far as this loop uses it (the DOM lib types `self` as a window). */
const scope = self as unknown as {
  crossOriginIsolated: boolean;
  navigator: { hardwareConcurrency?: number };
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};

let engine: LoadedEngine | null = null;
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const message = event.data;
  // Warning: the catch keeps the chain alive; without it one broken request would silence every later one.
  queue = queue
    .then(() => handle(message))
    .catch((error: unknown) => {
      scope.postMessage({ type: TtsReply.failed, id: message.id, code: TtsErrorCode.worker, message: describe(error) });
    });
});

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case TtsCommand.load: {
      const { id, options, threads } = message;
      let files: readonly FileProgress[] = [];
      try {
        const environment = { crossOriginIsolated: scope.crossOriginIsolated, cores: scope.navigator.hardwareConcurrency ?? 1, threads };
        engine = await loadEngine(options, environment, (progress) => {
          const next = applyProgressEvent(files, progress);
          if (next === files) return;
          files = next;
          scope.postMessage({ type: TtsReply.progress, id, files });
        });
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
    default: {
      const unknown: never = message;
      throw new Error(`unknown command ${JSON.stringify(unknown)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
