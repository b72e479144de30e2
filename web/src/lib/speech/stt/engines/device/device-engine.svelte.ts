// The on-device engine: Moonshine (English) or Whisper base (other languages) in the shared speech worker, loaded on
// first use (from this server's /models/ mirror or Hugging Face), its download shown as it goes, one clip at a time.
// Its status is reactive for the controls.
import type { FileProgress, ModelSource } from '../../../models/index.ts';
import { SpeechWorkerError, type SpeechWorker } from '../../../worker/index.ts';
import { pcm16ToFloat } from '../../resample.ts';
import type { EnginePolicy, ModelStatus, SpeechToTextEngine } from '../../engine.ts';
import { RememberedDevices } from './backend.ts';
import { deviceModelFor, type DeviceModel, type MoonshineSize } from './models.ts';
import { SttCommand, SttReply, type SttFromWorker } from './recognizer.protocol.ts';

/**
 * One clip at a time (one worker); partials of the open segment about every 1.2 s once it has grown by 0.5 s
 * (nothing is uploaded, so the budget only keeps a partial from running more than the audio twice over); two tries.
 * No early finals: a pause that does not end the answer would cost the device a run it needs for the next words.
 */
export const DEVICE_POLICY: EnginePolicy = {
  maxInFlight: 1,
  partials: { maxRatio: 3, reserveSeconds: 0, partialIntervalMs: 1200, minPartialSeconds: 1, minGrowthSeconds: 0.5, earlyFinalAfterMs: null },
  retry: { maxAttempts: 2, backoff: { baseMs: 500, maxMs: 2000 }, timeoutMs: 120_000 },
};

/** What the device engine needs. */
export interface DeviceEngineDeps {
  worker: SpeechWorker;
  /** The page's origin: ONNX Runtime's WASM and `/models/` come from it. */
  origin: string;
  /** Where the model files come from, read when the model loads. */
  source: () => ModelSource;
  /** Moonshine's size for English answers (base unless told). */
  size?: MoonshineSize;
  /** The answers' language as the settings hold it, read for the model's name, size and preparing (English when absent). */
  language?: () => string | null;
  /** Asks the candidate before the model's download (metered connections); false on "Not now". Absent: never asks. */
  confirmDownload?: (download: ModelDownload) => Promise<boolean>;
  /** Asks the browser to keep the stored model (navigator.storage.persist), once it is stored. */
  persistStorage?: () => Promise<unknown>;
  /** The backend each model ran faster on before (absent: each page load times both again where WebGPU exists). */
  devices?: RememberedDevices;
}

/** A model's first download, as the candidate is asked about it. */
export interface ModelDownload {
  modelId: string;
  /** The model's name: "Whisper base". */
  label: string;
  bytes: number;
  files: readonly string[];
}

/** The candidate said "Not now" to the model's download. */
export class DownloadDeclinedError extends Error {
  override readonly name = 'DownloadDeclinedError';
}

/** A failure of the model on this device (it could not load, or a run failed). */
export class DeviceModelError extends Error {
  override readonly name = 'DeviceModelError';
}

/** Moonshine or Whisper in the speech worker, as a speech-to-text engine: the answer's language picks the model. */
export class DeviceEngine implements SpeechToTextEngine {
  readonly kind = 'device';
  readonly policy = DEVICE_POLICY;
  /** Where the model of the current language stands. */
  status = $state.raw<ModelStatus>({ kind: 'idle' });
  readonly #deps: DeviceEngineDeps;
  /** The model loaded (or loading) in the worker, and its load. */
  #loaded: { modelId: string; promise: Promise<void> } | null = null;
  #persistAsked = false;
  readonly #devices: RememberedDevices;

  constructor(deps: DeviceEngineDeps) {
    this.#deps = deps;
    this.#devices = deps.devices ?? new RememberedDevices(null);
    // A crashed worker lost the model: the next clip loads it again.
    deps.worker.onBroken(() => {
      this.#loaded = null;
      if (this.status.kind === 'ready') this.status = { kind: 'idle' };
    });
  }

  /** The model's name, for the candidate (that of the language the settings hold now). */
  get label(): string {
    return this.#current().label;
  }

  /** What the model downloads the first time, in bytes. */
  get downloadBytes(): number {
    return this.#current().bytes;
  }

  /** Loads the model of `language` (once; again after the worker broke or for another model). Rejects with DeviceModelError. */
  load(language: string | null = this.#language()): Promise<void> {
    const model = this.#modelFor(language);
    if (this.#loaded?.modelId === model.id) return this.#loaded.promise;
    const promise = this.#load(model).catch((error: unknown) => {
      if (this.#loaded?.promise === promise) this.#loaded = null;
      if (error instanceof DownloadDeclinedError) {
        this.status = { kind: 'idle' };
        throw new DeviceModelError(error.message);
      }
      const message = error instanceof Error ? error.message : String(error);
      this.status = { kind: 'failed', message };
      throw new DeviceModelError(message);
    });
    this.#loaded = { modelId: model.id, promise };
    return promise;
  }

  async confirmDownload(): Promise<boolean> {
    const model = this.#current();
    if (this.#loaded?.modelId === model.id && (this.status.kind === 'ready' || this.status.kind === 'loading')) return true;
    if (!this.#deps.confirmDownload) return true;
    return this.#deps.confirmDownload(downloadOf(model));
  }

  prepare(): void {
    // A failure is shown by the status and met again by the first clip.
    this.load().catch(() => undefined);
  }

  async transcribe(clip: { pcm: Int16Array; language: string | null }, signal: AbortSignal): Promise<string> {
    await this.load(clip.language);
    signal.throwIfAborted();
    const samples = pcm16ToFloat(clip.pcm);
    const { language } = clip;
    const reply = await this.#deps.worker.request<SttFromWorker>((id) => ({ type: SttCommand.transcribe, id, samples, language }), [samples.buffer]);
    signal.throwIfAborted();
    if (reply.type === SttReply.failed) throw new DeviceModelError(reply.message);
    if (reply.type !== SttReply.transcribed) throw new DeviceModelError(`unexpected reply ${reply.type}`);
    return reply.text;
  }

  isRetryable(error: unknown): boolean {
    // A crashed worker starts afresh on the next try; a model that cannot load or run will not do better.
    return error instanceof SpeechWorkerError;
  }

  describeError(error: unknown): string {
    const detail = error instanceof Error ? error.message : String(error);
    return `The speech recognition model on this device failed (${detail}). Type this part of your answer; reloading the page may help.`;
  }

  #language(): string | null {
    return this.#deps.language ? this.#deps.language() : 'en';
  }

  #modelFor(language: string | null): DeviceModel {
    return deviceModelFor(language, this.#deps.size ?? 'base');
  }

  #current(): DeviceModel {
    return this.#modelFor(this.#language());
  }

  async #load(model: DeviceModel): Promise<void> {
    if (this.#deps.confirmDownload && !(await this.#deps.confirmDownload(downloadOf(model)))) throw new DownloadDeclinedError('The speech model was not downloaded: you chose "Not now".');
    this.status = { kind: 'loading', fraction: null };
    const { origin } = this.#deps;
    const device = this.#devices.choiceFor(model.id);
    const reply = await this.#deps.worker.request<SttFromWorker>(
      (id) => ({ type: SttCommand.load, id, modelId: model.id, source: this.#deps.source(), origin, device }),
      [],
      (progress) => (this.status = { kind: 'loading', fraction: fractionOf(progress.files) }),
    );
    if (reply.type === SttReply.failed) throw new Error(reply.message);
    if (reply.type !== SttReply.loaded) throw new Error(`unexpected reply ${reply.type}`);
    this.#devices.set(model.id, reply.device);
    this.status = { kind: 'ready', runsOn: reply.device === 'webgpu' ? 'graphics card' : 'processor' };
    this.#askToPersist();
  }

  #askToPersist(): void {
    if (this.#persistAsked) return;
    this.#persistAsked = true;
    void this.#deps.persistStorage?.().catch(() => undefined);
  }
}

function downloadOf(model: DeviceModel): ModelDownload {
  return { modelId: model.id, label: model.label, bytes: model.bytes, files: model.files };
}

/** The downloaded share of every file whose size is known; null while none is. */
function fractionOf(files: readonly FileProgress[]): number | null {
  const total = files.reduce((sum, file) => sum + file.total, 0);
  return total > 0 ? Math.min(1, files.reduce((sum, file) => sum + file.loaded, 0) / total) : null;
}
