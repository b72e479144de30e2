// WAV files as RunPod's worker reads them: 16-bit PCM, mono, with a 44-byte RIFF header; and base64 for the JSON body.

/** A decoded WAV file (16-bit PCM only). */
export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** Interleaved samples when `channels` > 1. */
  samples: Int16Array;
}

const HEADER_BYTES = 44;

/** Encodes mono (or interleaved) 16-bit samples as a WAV file. */
export function encodeWav(samples: Int16Array, sampleRate: number, channels = 1): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, dataBytes, true);
  // Warning: WAV is little-endian whatever the machine; write sample by sample rather than copying the buffer.
  for (let i = 0; i < samples.length; i++) view.setInt16(HEADER_BYTES + i * 2, samples[i] ?? 0, true);
  return bytes;
}

/** Decodes a 16-bit PCM WAV file, skipping chunks other than `fmt ` and `data`; throws on anything else. */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || readAscii(bytes, 0) !== 'RIFF' || readAscii(bytes, 8) !== 'WAVE') throw new Error('Not a WAV file.');
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = readAscii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { code: view.getUint16(body, true), channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data comes before its format.');
      if (format.code !== 1 || format.bits !== 16) throw new Error('Only 16-bit PCM WAV is supported.');
      const end = Math.min(bytes.length, body + size);
      const samples = new Int16Array(Math.floor((end - body) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(body + i * 2, true);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('The WAV file has no data.');
}

/** Seconds of audio in `samples` at `sampleRate`. */
export function durationSeconds(samples: { length: number }, sampleRate: number): number {
  return samples.length / sampleRate;
}

/** The engine's own encoder (Uint8Array.prototype.toBase64: Chromium 140, Firefox 133, Safari 18.2 and later). */
type WithNativeBase64 = Uint8Array & { toBase64?: () => string };

/**
 * Base64 of `bytes` (no line breaks), as the proxy's `audio_base64` expects. The engine's own encoder where there is
 * one: for the answer's last clip (about 160 kB, encoded after "Done") it takes well under a millisecond in Chromium,
 * where the chunked btoa below took 10–28 ms on the 2-core development machine.
 */
export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as WithNativeBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list well under engines' limits.
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
}

function readAscii(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset] ?? 0, bytes[offset + 1] ?? 0, bytes[offset + 2] ?? 0, bytes[offset + 3] ?? 0);
}
