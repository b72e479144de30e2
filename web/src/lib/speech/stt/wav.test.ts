// WAV encoding: the exact 44-byte header RunPod's worker reads, little-endian samples, and decoding back.
import { describe, expect, it } from 'vitest';
import { decodeWav, durationSeconds, encodeWav, toBase64 } from './wav.ts';

describe('encodeWav', () => {
  it('writes a 16 kHz mono 16-bit PCM header and the samples little-endian', () => {
    const bytes = encodeWav(Int16Array.from([1, -1, 32767, -32768]), 16_000);
    const view = new DataView(bytes.buffer);
    const ascii = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
    expect(bytes.length).toBe(44 + 8);
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(36 + 8);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint32(28, true)).toBe(32_000);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(view.getUint32(40, true)).toBe(8);
    expect([...bytes.subarray(44)]).toEqual([0x01, 0x00, 0xff, 0xff, 0xff, 0x7f, 0x00, 0x80]);
  });
});

describe('decodeWav', () => {
  it('reads back what encodeWav wrote', () => {
    const samples = Int16Array.from({ length: 1000 }, (_, i) => (i * 97) % 65536 - 32768);
    expect(decodeWav(encodeWav(samples, 22_050))).toEqual({ sampleRate: 22_050, channels: 1, samples });
  });

  it('skips chunks it does not need (LIST) before the data', () => {
    const plain = encodeWav(Int16Array.from([5, 6]), 16_000);
    const list = new Uint8Array([0x4c, 0x49, 0x53, 0x54, 3, 0, 0, 0, 1, 2, 3, 0]);
    const bytes = new Uint8Array([...plain.subarray(0, 36), ...list, ...plain.subarray(36)]);
    expect([...decodeWav(bytes).samples]).toEqual([5, 6]);
  });

  it('rejects what is not a 16-bit PCM WAV file', () => {
    expect(() => decodeWav(new TextEncoder().encode('not a wav file at all'))).toThrow('Not a WAV file');
    const float = encodeWav(Int16Array.from([1]), 16_000);
    new DataView(float.buffer).setUint16(20, 3, true);
    expect(() => decodeWav(float)).toThrow('16-bit PCM');
  });
});

describe('toBase64 and durationSeconds', () => {
  it('encodes like Buffer does, also past one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('uses the engine’s own encoder where there is one (browsers; Node 20 has none, so the test above covers the fallback)', () => {
    const bytes = Object.assign(Uint8Array.from([1, 2, 3]), { toBase64: () => 'from the engine' });
    expect(toBase64(bytes)).toBe('from the engine');
  });

  it('counts seconds from samples', () => {
    expect(durationSeconds(new Int16Array(24_000), 16_000)).toBe(1.5);
  });
});
