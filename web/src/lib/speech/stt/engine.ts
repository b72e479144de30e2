// The seam between a spoken answer and whatever turns its audio into text: one clip of 16 kHz PCM in, its text out,
// with the engine's own policy (how many clips at once, how often partials, how many tries). The recorder knows
// nothing else of an engine; each engine is a folder under engines/ and the app shell picks one.
import type { UploadPolicy } from './budget.ts';
import type { RetryPolicy } from './retry.ts';

/** Which engine turns speech into text: a server (RunPod faster-whisper through the proxy) or this device. */
export type SttEngineKind = 'runpod' | 'device';

/** Where a clip an engine has accepted stands: waiting its turn, waiting for a server or model to start, or running. */
export type ServerPhase = 'queued' | 'starting' | 'running';

/** One clip to transcribe. */
export interface SpeechClip {
  /** 16 kHz mono 16-bit samples. */
  pcm: Int16Array;
  /** null lets the engine detect the language. */
  language: string | null;
  /** The answer's text so far, for engines that read context (each trims it to what it can use). */
  prompt: string;
  /** The clip's stable name (8–64 letters, digits, - or _): every try of the same clip sends the same one. */
  clipId: string;
}

/** How an engine wants to be driven. */
export interface EnginePolicy {
  /** Finals transcribed at the same time after "Done" (the tail must not wait behind a slow one); 1 while recording. */
  maxInFlight: number;
  /** When partials of the open segment are due, and the most audio an answer may send. */
  partials: UploadPolicy;
  /** Tries per segment and the waits between them. */
  retry: RetryPolicy;
}

/** Where an engine's model stands: not asked for yet, downloading (0..1, null while sizes are unknown), ready, or broken. */
export type ModelStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; fraction: number | null }
  /** `runsOn`: the graphics card (WebGPU) or the processor (WASM), where the engine knows. */
  | { kind: 'ready'; runsOn?: 'graphics card' | 'processor' }
  | { kind: 'failed'; message: string };

/** Turns clips of an answer into text. */
export interface SpeechToTextEngine {
  readonly kind: SttEngineKind;
  /** The model's name, for the candidate. */
  readonly label: string;
  /** What its model on this device downloads the first time, in bytes; absent for a server. */
  readonly downloadBytes?: number;
  /** Where its model on this device stands (reactive); absent for a server. */
  readonly status?: ModelStatus;
  readonly policy: EnginePolicy;
  /** Asks the candidate before a model download where the connection is metered; false on "Not now". Optional. */
  confirmDownload?(): Promise<boolean>;
  /** Starts loading what the engine needs (a model), so the first clip does not wait for it; optional. */
  prepare?(): void;
  /** Resolves to the clip's text (possibly empty); `onPhase` reports a wait before the run starts. */
  transcribe(clip: SpeechClip, signal: AbortSignal, onPhase?: (phase: ServerPhase) => void): Promise<string>;
  /** Whether another try may succeed where `error` failed. */
  isRetryable(error: unknown): boolean;
  /** The candidate-facing words for `error`: what happened and who can fix it. */
  describeError(error: unknown): string;
}
