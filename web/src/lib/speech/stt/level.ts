// The level meter's reading of a chunk of samples: its loudness on a 0..1 scale that follows the ear (decibels).

/** Quietest level shown, in dBFS; the meter reads 0 at and below it. */
export const METER_FLOOR_DB = -60;

/** The chunk's RMS level mapped from [METER_FLOOR_DB, 0] dBFS to [0, 1]. */
export function levelOf(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const db = 10 * Math.log10(sum / samples.length + 1e-12);
  return Math.min(1, Math.max(0, (db - METER_FLOOR_DB) / -METER_FLOOR_DB));
}
