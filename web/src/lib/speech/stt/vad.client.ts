// Main-thread side of Silero in the speech worker (the one that also hosts Kokoro, on the same ONNX Runtime): loads
// the model there, sends each frame and answers with its speech probability, in order. The page's detector falls
// back to loudness when the worker or the model cannot start.
import { SpeechWorkerError, sharedSpeechWorker, type SpeechReply, type SpeechWorker } from '../worker/index.ts';
import { FRAME_SAMPLES } from './framer.ts';
import { VadCommand, VadReply, type VadFromWorker } from './vad.protocol.ts';
import { energyDetector, type SpeechDetector } from './vad.ts';

/** A failed load or frame of the voice-activity model in the worker. */
export class VadWorkerError extends Error {
  override name = 'VadWorkerError';
}

/** Silero in the speech worker, as a SpeechDetector. Never stops the worker: Kokoro may be using it. */
export class VadClient implements SpeechDetector {
  readonly engine = 'silero';
  readonly #worker: SpeechWorker;
  readonly #origin: string;
  #loading: Promise<void> | null = null;

  /** `origin` serves the model (/vad/) and ONNX Runtime's WASM (/ort/). */
  constructor(worker: SpeechWorker, origin: string) {
    this.#worker = worker;
    this.#origin = origin;
    // A crashed worker lost the model: the next frame loads it again in the fresh one.
    worker.onBroken(() => (this.#loading = null));
  }

  /** Loads the model in the worker (once; again after the worker broke). Rejects with VadWorkerError. */
  load(): Promise<void> {
    this.#loading ??= this.#ask((id) => ({ type: VadCommand.load, id, origin: this.#origin }), []).then(
      (reply) => {
        if (reply.type !== VadReply.loaded) throw new VadWorkerError(`unexpected reply ${reply.type}`);
      },
      (error: unknown) => {
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }

  /** The speech probability of one 512-sample frame; frames are answered in call order. The frame is copied, not detached. */
  async probability(frame: Float32Array): Promise<number> {
    if (frame.length !== FRAME_SAMPLES) throw new RangeError(`Silero reads ${FRAME_SAMPLES}-sample frames, not ${frame.length}.`);
    await this.load();
    const copy = frame.slice();
    const reply = await this.#ask((id) => ({ type: VadCommand.frame, id, frame: copy }), [copy.buffer]);
    if (reply.type !== VadReply.probability) throw new VadWorkerError(`unexpected reply ${reply.type}`);
    return reply.probability;
  }

  /** Forgets the previous answer's state (ordered with the frames). */
  reset(): void {
    try {
      this.#worker.post((id) => ({ type: VadCommand.reset, id }));
    } catch {
      // No worker: no state to forget; the next frame loads the model afresh.
    }
  }

  async #ask(build: Parameters<SpeechWorker['request']>[0], transfer: Transferable[]): Promise<SpeechReply<VadFromWorker>> {
    let reply;
    try {
      reply = await this.#worker.request<VadFromWorker>(build, transfer);
    } catch (error) {
      throw error instanceof SpeechWorkerError ? new VadWorkerError(error.message) : error;
    }
    if (reply.type === VadReply.failed) throw new VadWorkerError(reply.message);
    return reply;
  }
}

let loading: Promise<SpeechDetector> | null = null;

/**
 * The page's detector, loaded once: Silero in the shared speech worker (the model and ORT's WASM fetched from
 * `origin` on first use), or the loudness detector when that cannot start.
 */
export function loadSpeechDetector(origin: string = location.origin, worker: SpeechWorker = sharedSpeechWorker()): Promise<SpeechDetector> {
  loading ??= (async () => {
    const client = new VadClient(worker, origin);
    try {
      await client.load();
      return client;
    } catch (error) {
      console.warn('xquizit: the voice activity model could not start; pauses are found by loudness instead.', error);
      return energyDetector();
    }
  })();
  return loading;
}
