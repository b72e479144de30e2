// The resampler keeps what is below the new Nyquist frequency, removes what is above, and streams exactly.
import { describe, expect, it } from 'vitest';
import { createResampler, floatToPcm16, pcm16ToFloat, resample } from './resample.ts';

function tone(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate));
}

function rms(samples: Float32Array, skip = 200): number {
  const body = samples.subarray(skip, samples.length - skip);
  return Math.sqrt(body.reduce((sum, x) => sum + x * x, 0) / body.length);
}

/** Correlation of `samples` with a sine of `frequency` (any phase): close to 1 when that is what they hold. */
function sineMatch(samples: Float32Array, frequency: number, rate: number, skip = 200): number {
  let sin = 0;
  let cos = 0;
  const body = samples.subarray(skip, samples.length - skip);
  body.forEach((x, i) => {
    sin += x * Math.sin((2 * Math.PI * frequency * i) / rate);
    cos += x * Math.cos((2 * Math.PI * frequency * i) / rate);
  });
  const amplitude = (2 * Math.hypot(sin, cos)) / body.length;
  return amplitude / (Math.SQRT2 * rms(samples, skip));
}

describe('resample', () => {
  it.each([
    [48_000, 16_000],
    [44_100, 16_000],
    [22_050, 16_000],
    [8_000, 16_000],
  ])('%i Hz → %i Hz keeps a 1 kHz tone: length, level and frequency', (from, to) => {
    const output = resample(tone(1000, from, 1), from, to);
    expect(output.length).toBe(to);
    expect(rms(output)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    expect(sineMatch(output, 1000, to)).toBeGreaterThan(0.99);
  });

  it('removes a 12 kHz tone going from 48 kHz to 16 kHz instead of folding it back to 4 kHz (over 40 dB down)', () => {
    const output = resample(tone(12_000, 48_000, 1), 48_000, 16_000);
    expect(20 * Math.log10(rms(output) / (0.5 / Math.SQRT2))).toBeLessThan(-40);
  });

  it('gives the same samples in chunks of any size as in one piece', () => {
    const input = tone(440, 44_100, 0.5);
    const whole = createResampler(44_100, 16_000);
    const expected = [...whole.push(input), ...whole.flush()];
    const chunked = createResampler(44_100, 16_000);
    const parts: number[] = [];
    for (let i = 0, size = 1; i < input.length; i += size, size = (size * 7) % 1000 || 13) parts.push(...chunked.push(input.subarray(i, i + size)));
    parts.push(...chunked.flush());
    expect(parts.length).toBe(expected.length);
    parts.forEach((x, i) => expect(x).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('passes the same rate through unchanged', () => {
    const input = tone(300, 16_000, 0.1);
    expect(createResampler(16_000, 16_000).push(input)).toEqual(input);
  });

  it('refuses a rate of zero', () => {
    expect(() => createResampler(0, 16_000)).toThrow(RangeError);
  });
});

describe('floatToPcm16', () => {
  it('scales to 16 bits and clips what lies outside [-1, 1]', () => {
    expect([...floatToPcm16(Float32Array.from([0, 0.5, -0.5, 1, -1, 1.7, -3]))]).toEqual([0, 16384, -16384, 32767, -32768, 32767, -32768]);
  });

  it('round-trips through pcm16ToFloat within one step, and 16-bit samples exactly', () => {
    const input = Float32Array.from([0.123, -0.987, 0.5]);
    pcm16ToFloat(floatToPcm16(input)).forEach((x, i) => expect(Math.abs(x - (input[i] ?? 0))).toBeLessThan(1 / 32768));
    const pcm = Int16Array.from([32767, 32000, -32768, -1, 1, 12345]);
    expect(floatToPcm16(pcm16ToFloat(pcm))).toEqual(pcm);
  });
});
