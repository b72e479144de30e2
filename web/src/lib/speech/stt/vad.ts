// Voice activity for the segmenter: Silero VAD v5 (the model and its runner from @ricky0123/vad-web) on the ONNX
// Runtime it is given (the speech worker's, shared with Kokoro; ORT's Node build in tests), and a loudness
// detector that stands in when the model cannot start (offline before its files were ever cached, an old browser).
// Warning: never use vad-web's MicVAD or its default paths: they fetch the model and ORT's WASM from a CDN.
import type { OrtRuntime } from '../onnx/index.ts';
import { FRAME_SAMPLES } from './framer.ts';

/** Which detector runs. */
export type VadEngine = 'silero' | 'energy';

/** Speech probability per 512-sample 16 kHz frame. */
export interface SpeechDetector {
  readonly engine: VadEngine;
  /** Frames must come in order: Silero carries state from one frame to the next. */
  probability(frame: Float32Array): Promise<number>;
  /** Forgets the previous answer's state. */
  reset(): void;
}

/** Where build/speech-assets.ts serves the model. */
export const SILERO_MODEL_PATH = '/vad/silero_vad_v5.onnx';

/** Silero over an ONNX Runtime the caller configured, from the model's bytes (Node tests pass ORT's Node build). */
export async function createSileroDetector(ort: OrtRuntime, model: ArrayBuffer | Uint8Array): Promise<SpeechDetector> {
  const { Silero } = await import('@ricky0123/vad-web/dist/models/silero.js');
  // One thread: a 32 ms frame takes well under a millisecond; sharing out such a run would only cost time.
  const session = await ort.InferenceSession.create(model instanceof Uint8Array ? model : new Uint8Array(model), { intraOpNumThreads: 1 });
  // Built by hand rather than with Silero.new, which logs to the console: state [2, 1, 128] zeros, rate 16 kHz.
  const silero = new Silero(session as never, new ort.Tensor('float32', new Float32Array(256), [2, 1, 128]) as never, new ort.Tensor('int64', [16000n]) as never, ort as never);
  return {
    engine: 'silero',
    async probability(frame) {
      if (frame.length !== FRAME_SAMPLES) throw new RangeError(`Silero reads ${FRAME_SAMPLES}-sample frames, not ${frame.length}.`);
      return (await silero.process(frame)).isSpeech;
    },
    reset: () => silero.reset_state(),
  };
}

/** A loudness detector: -55 dBFS and below is silence (0), -35 dBFS and above is speech (1). */
export function energyProbability(frame: Float32Array): number {
  let sum = 0;
  for (const sample of frame) sum += sample * sample;
  const db = 10 * Math.log10(sum / Math.max(1, frame.length) + 1e-12);
  return Math.min(1, Math.max(0, (db + 55) / 20));
}

/** The loudness detector as a SpeechDetector. */
export function energyDetector(): SpeechDetector {
  return { engine: 'energy', probability: async (frame) => energyProbability(frame), reset: () => undefined };
}
