// Cuts a stream of 16 kHz chunks of any size into the fixed frames Silero VAD reads (512 samples, 32 ms).

/** Samples per VAD frame at 16 kHz (Silero v5 reads exactly 512). */
export const FRAME_SAMPLES = 512;

/** Milliseconds per VAD frame at 16 kHz. */
export const FRAME_MS = (FRAME_SAMPLES / 16_000) * 1000;

/** Accumulates samples and hands out whole frames. */
export interface Framer {
  /** Adds samples; returns every frame completed by them (each a new array, safe to keep). */
  push(samples: Float32Array): Float32Array[];
  /** The samples waiting for a full frame, padded with silence to one frame; null when none wait. */
  flush(): Float32Array | null;
}

/** Builds a framer for frames of `size` samples. */
export function createFramer(size: number = FRAME_SAMPLES): Framer {
  let pending = new Float32Array(size);
  let filled = 0;
  return {
    push(samples) {
      const frames: Float32Array[] = [];
      let read = 0;
      while (read < samples.length) {
        const take = Math.min(size - filled, samples.length - read);
        pending.set(samples.subarray(read, read + take), filled);
        filled += take;
        read += take;
        if (filled === size) {
          frames.push(pending);
          pending = new Float32Array(size);
          filled = 0;
        }
      }
      return frames;
    },
    flush() {
      if (filled === 0) return null;
      const frame = pending;
      pending = new Float32Array(size);
      filled = 0;
      return frame;
    },
  };
}
