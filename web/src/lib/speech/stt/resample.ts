// Sample-rate conversion of the microphone's audio to Whisper's 16 kHz: a streaming windowed-sinc resampler
// (low-pass first, so nothing above the new Nyquist folds back as noise) and the float → 16-bit PCM step.

/** Whisper's and Silero's sample rate: every clip we send and every frame the VAD sees is 16 kHz mono. */
export const SPEECH_SAMPLE_RATE = 16_000;

/** Converts a stream of chunks from one rate to another, keeping its state between chunks. */
export interface Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  /** Resamples the next chunk; the output lags the input by a few samples of filter delay. */
  push(input: Float32Array): Float32Array;
  /** Drains the filter's delay line (call once, at the end of the stream). */
  flush(): Float32Array;
}

// Zero crossings of the sinc on each side: 8 gives over 60 dB of stop-band rejection with a Blackman window.
const ZERO_CROSSINGS = 8;
// The pass band ends a little below the new Nyquist frequency so the transition band stays out of aliasing.
const BANDWIDTH = 0.92;
// Kernel table resolution per input sample (positions are rounded to 1/TABLE_STEPS of a sample).
const TABLE_STEPS = 128;

/** Builds a streaming resampler from `inputRate` to `outputRate` (any ratio, e.g. 44.1 or 48 kHz to 16 kHz). */
export function createResampler(inputRate: number, outputRate: number): Resampler {
  if (!(inputRate > 0 && outputRate > 0)) throw new RangeError(`Sample rates must be positive (got ${inputRate} → ${outputRate}).`);
  if (inputRate === outputRate) {
    return { inputRate, outputRate, push: (input) => input.slice(), flush: () => new Float32Array(0) };
  }
  const step = inputRate / outputRate;
  // Cut-off as a fraction of the input's Nyquist frequency: only lowered when downsampling.
  const cutoff = Math.min(1, outputRate / inputRate) * BANDWIDTH;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / cutoff);
  const table = kernelTable(cutoff, halfWidth);

  // Input history: `buffer[0]` is input sample number `offset`; starts with `halfWidth` zeros (silence before).
  let buffer = new Float32Array(halfWidth);
  let length = halfWidth;
  // Position of the next output sample, in input samples counted from buffer[0].
  let position = halfWidth;

  const append = (input: Float32Array): void => {
    if (length + input.length > buffer.length) {
      const grown = new Float32Array(Math.max(buffer.length * 2, length + input.length));
      grown.set(buffer.subarray(0, length));
      buffer = grown;
    }
    buffer.set(input, length);
    length += input.length;
  };

  const drain = (): Float32Array => {
    const available = Math.max(0, Math.ceil((length - halfWidth - position) / step));
    const output = new Float32Array(available);
    let produced = 0;
    while (position + halfWidth < length && produced < available) {
      output[produced++] = interpolate(buffer, position, halfWidth, table);
      position += step;
    }
    // Keep only what the next outputs still need.
    const keepFrom = Math.max(0, Math.floor(position) - halfWidth);
    buffer.copyWithin(0, keepFrom, length);
    length -= keepFrom;
    position -= keepFrom;
    return produced === available ? output : output.subarray(0, produced);
  };

  return {
    inputRate,
    outputRate,
    push(input) {
      append(input);
      return drain();
    },
    flush() {
      append(new Float32Array(halfWidth + 1));
      return drain();
    },
  };
}

/** Resamples a whole clip at once (tests, the mic check). */
export function resample(input: Float32Array, inputRate: number, outputRate: number): Float32Array {
  const resampler = createResampler(inputRate, outputRate);
  const head = resampler.push(input);
  const tail = resampler.flush();
  const expected = Math.round((input.length * outputRate) / inputRate);
  const output = new Float32Array(expected);
  output.set(head.subarray(0, expected));
  if (head.length < expected) output.set(tail.subarray(0, expected - head.length), head.length);
  return output;
}

/** Float samples in [-1, 1] to 16-bit PCM, clipping what lies outside; the exact inverse of pcm16ToFloat. */
export function floatToPcm16(input: Float32Array): Int16Array {
  const output = new Int16Array(input.length);
  for (let i = 0; i < input.length; i++) output[i] = Math.max(-32768, Math.min(32767, Math.round((input[i] ?? 0) * 32768)));
  return output;
}

/** 16-bit PCM to float samples in [-1, 1). */
export function pcm16ToFloat(input: Int16Array): Float32Array {
  const output = new Float32Array(input.length);
  for (let i = 0; i < input.length; i++) output[i] = (input[i] ?? 0) / 32768;
  return output;
}

function kernelTable(cutoff: number, halfWidth: number): Float32Array {
  const size = halfWidth * TABLE_STEPS + 1;
  const table = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    const x = i / TABLE_STEPS;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
    // Blackman window over [-halfWidth, halfWidth], evaluated at x ≥ 0.
    const w = 0.42 + 0.5 * Math.cos((Math.PI * x) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * x) / halfWidth);
    table[i] = sinc * w;
  }
  return table;
}

function interpolate(buffer: Float32Array, position: number, halfWidth: number, table: Float32Array): number {
  const first = Math.floor(position) - halfWidth + 1;
  let sum = 0;
  let weights = 0;
  for (let n = first; n <= first + 2 * halfWidth - 1; n++) {
    const distance = Math.abs(position - n);
    const index = Math.round(distance * TABLE_STEPS);
    if (index >= table.length) continue;
    const weight = table[index] ?? 0;
    sum += (buffer[n] ?? 0) * weight;
    weights += weight;
  }
  // Normalising by the weights keeps the gain at exactly 1 for every fractional position.
  return weights === 0 ? 0 : sum / weights;
}
