// The one place a large model download waits for the candidate: on a metered connection or with Save-Data on, a
// model not yet stored is downloaded only after "Download"; "Not now" leaves typing and the browser's voice.
import { downloadDecision, type ConnectionInfo } from './consent.ts';

/** What a model downloads: its id, size and the files whose presence in Cache Storage means it is stored. */
export type ModelDownload = Pick<DownloadRequest, 'modelId' | 'bytes' | 'files'>;

/** A model download the app wants to start. */
export interface DownloadRequest {
  /** The model's id (`org/name`), as in its URL. */
  modelId: string;
  /** What it is, for the candidate: "The speech recognition model". */
  name: string;
  /** What it does, for the candidate: "so your spoken answers are recognized on this device". */
  purpose: string;
  bytes: number;
  /** Paths inside the model whose presence in Cache Storage means it is stored. */
  files: readonly string[];
  /** What "Not now" leaves the candidate with: "You can type your answers". */
  otherwise: string;
}

/** What the gate reads from the browser. */
export interface DownloadGateDeps {
  /** `navigator.connection`, read at each ask (it changes as the candidate moves). */
  connection: () => ConnectionInfo | undefined;
  isCached: (modelId: string, files: readonly string[]) => Promise<boolean>;
}

/** Asks the candidate before large downloads on metered connections, one question at a time. */
export class DownloadGate {
  /** The download waiting for an answer, shown by DownloadConfirm; null when none is. */
  pending = $state.raw<DownloadRequest | null>(null);
  readonly #deps: DownloadGateDeps;
  // Plain bookkeeping, not state: only `pending` is shown.
  readonly #allowed: string[] = [];
  readonly #asking: Record<string, Promise<boolean> | undefined> = {};
  #resolve: ((accepted: boolean) => void) | null = null;
  // Each question waits for the one before it to be answered.
  #turn: Promise<unknown> = Promise.resolve();

  constructor(deps: DownloadGateDeps) {
    this.#deps = deps;
  }

  /** Resolves true when the download may start (now, or once the candidate accepts); false on "Not now". */
  allow(request: DownloadRequest): Promise<boolean> {
    const asking = this.#asking[request.modelId];
    if (asking) return asking;
    const decided = this.#decide(request).finally(() => delete this.#asking[request.modelId]);
    this.#asking[request.modelId] = decided;
    return decided;
  }

  /** The candidate's answer to the pending question. */
  answer(accepted: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = null;
    this.pending = null;
    resolve?.(accepted);
  }

  async #decide(request: DownloadRequest): Promise<boolean> {
    if (this.#allowed.includes(request.modelId)) return true;
    const cached = await this.#deps.isCached(request.modelId, request.files).catch(() => false);
    if (downloadDecision({ connection: this.#deps.connection(), cached, bytes: request.bytes }) === 'download') {
      this.#allowed.push(request.modelId);
      return true;
    }
    const answered = this.#turn.then(
      () =>
        new Promise<boolean>((resolve) => {
          this.#resolve = resolve;
          this.pending = request;
        }),
    );
    this.#turn = answered;
    const accepted = await answered;
    if (accepted) this.#allowed.push(request.modelId);
    return accepted;
  }
}

/** `navigator.connection` where the browser has it (Chromium). */
export function browserConnection(): ConnectionInfo | undefined {
  return (navigator as Navigator & { connection?: ConnectionInfo }).connection;
}
