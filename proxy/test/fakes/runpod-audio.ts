// What the fake RunPod can tell about the audio it receives: a 16-bit PCM WAV file's length, and how much of it
// is loud enough to be speech (so scripted replies can follow what was said, and stay silent for silence).

/** A received clip as the fake sees it. */
export interface ReceivedAudio {
  sampleRate: number;
  /** Mono samples (the first channel of a multi-channel file). */
  samples: Int16Array;
  seconds: number;
  /** Seconds in 30 ms windows louder than -45 dBFS. */
  loudSeconds: number;
}

/** Reads a 16-bit PCM WAV file; null for anything else (e.g. the raw bytes some tests send). */
export function readWav(bytes: Uint8Array): ReceivedAudio | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || ascii(0) !== 'RIFF' || ascii(8) !== 'WAVE') return null;
  let format: { channels: number; rate: number; bits: number; code: number } | null = null;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = ascii(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === 'fmt ') format = { code: view.getUint16(body, true), channels: view.getUint16(body + 2, true), rate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    if (id === 'data') {
      if (!format || format.code !== 1 || format.bits !== 16 || format.channels < 1) return null;
      const frames = Math.floor(Math.min(size, bytes.length - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) samples[i] = view.getInt16(body + i * 2 * format.channels, true);
      return { sampleRate: format.rate, samples, seconds: frames / format.rate, loudSeconds: loudSeconds(samples, format.rate) };
    }
    at = body + size + (size % 2);
  }
  return null;
}

function loudSeconds(samples: Int16Array, rate: number): number {
  const window = Math.max(1, Math.round(rate * 0.03));
  let loud = 0;
  for (let start = 0; start + window <= samples.length; start += window) {
    let sum = 0;
    for (let i = start; i < start + window; i++) sum += ((samples[i] ?? 0) / 32768) ** 2;
    if (10 * Math.log10(sum / window + 1e-12) > -45) loud += window;
  }
  return loud / rate;
}
