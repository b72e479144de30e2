// What the voice specs check about the audio the fake RunPod received: where each clip lies in the spoken fixture
// (by correlating loudness envelopes, then the waveforms themselves) and which sentences it holds, so the fake
// can answer with the words actually spoken. Pure Node; the fixture is web/src/lib/speech/stt/testdata/answer.wav.
import { pcm16ToFloat } from '../src/lib/speech/stt/resample.ts';
import { loadAnswerFixture, type SpeechFixture } from '../src/lib/speech/stt/testdata/fixtures.ts';
import { decodeWav } from '../src/lib/speech/stt/wav.ts';

/** Where a clip was found in the fixture and how well it matched. */
export interface LocatedClip {
  /** Seconds from the start of the fixture. */
  start: number;
  seconds: number;
  /** Pearson correlation of the 10 ms loudness envelopes at the best offset (1 = same shape). */
  envelopeCorrelation: number;
  /** Median normalised correlation of the clip's loud 0.5 s windows with the source there (each within ±10 ms). */
  waveformCorrelation: number;
}

const RATE = 16_000;
const HOP = 160;
// The fixture is padded with this much silence on each side: a clip may start before the first word or run
// on after the file ended (Chromium's fake microphone plays silence after `%noloop`).
const PAD_SECONDS = 2;

/** The fixture as the specs compare against it. */
export interface Source {
  info: SpeechFixture;
  samples: Float32Array;
  envelope: Float32Array;
}

/** Loads the fixture, padded with silence, and its envelope. */
export async function loadSource(): Promise<Source> {
  const { samples, info } = await loadAnswerFixture();
  const padded = new Float32Array(samples.length + 2 * PAD_SECONDS * RATE);
  padded.set(samples, PAD_SECONDS * RATE);
  return { info, samples: padded, envelope: envelopeOf(padded) };
}

/** Decodes a received WAV clip to 16 kHz float samples (throws when it is not 16 kHz mono). */
export function clipSamples(bytes: Uint8Array): Float32Array {
  const wav = decodeWav(bytes);
  if (wav.sampleRate !== RATE || wav.channels !== 1) throw new Error(`expected 16 kHz mono, got ${wav.sampleRate} Hz × ${wav.channels}`);
  return pcm16ToFloat(wav.samples);
}

/** Finds `clip` in the source. */
export function locate(clip: Float32Array, source: Source): LocatedClip {
  const envelope = envelopeOf(clip);
  let bestLag = 0;
  let bestCorrelation = -Infinity;
  for (let lag = 0; lag + envelope.length <= source.envelope.length; lag++) {
    const correlation = pearson(envelope, source.envelope.subarray(lag, lag + envelope.length));
    if (correlation > bestCorrelation) {
      bestCorrelation = correlation;
      bestLag = lag;
    }
  }
  // The whole clip at its best alignment, then the median of its 0.5 s windows each aligned within ±10 ms: a
  // glitch on a busy machine (a dropped buffer) shifts what follows it, which one whole-clip figure would punish.
  let bestSample = bestLag * HOP;
  let bestWhole = -Infinity;
  for (let shift = -320; shift <= 320; shift++) {
    const at = bestLag * HOP + shift;
    if (at < 0 || at + clip.length > source.samples.length) continue;
    const correlation = normalisedDot(clip, source.samples.subarray(at, at + clip.length));
    if (correlation > bestWhole) {
      bestWhole = correlation;
      bestSample = at;
    }
  }
  const bestWaveform = windowedCorrelation(clip, source, bestSample);
  return { start: bestSample / RATE - PAD_SECONDS, seconds: clip.length / RATE, envelopeCorrelation: bestCorrelation, waveformCorrelation: bestWaveform };
}

/** The waveform correlation of `clip` placed at `start` seconds of the fixture, measured as `locate` does (a control). */
export function correlationAt(clip: Float32Array, source: Source, start: number): number {
  return windowedCorrelation(clip, source, Math.round((start + PAD_SECONDS) * RATE));
}

const WINDOW = RATE / 2;
const WINDOW_SHIFT = 160;

// The median over the clip's loud 0.5 s windows of each window's best correlation within ±WINDOW_SHIFT samples.
function windowedCorrelation(clip: Float32Array, source: Source, at: number): number {
  const scores: number[] = [];
  for (let start = 0; start + WINDOW <= clip.length; start += WINDOW) {
    const window = clip.subarray(start, start + WINDOW);
    if (rms(window) < 0.01) continue;
    let best = -Infinity;
    for (let shift = -WINDOW_SHIFT; shift <= WINDOW_SHIFT; shift++) {
      const from = at + start + shift;
      if (from < 0 || from + WINDOW > source.samples.length) continue;
      best = Math.max(best, normalisedDot(window, source.samples.subarray(from, from + WINDOW)));
    }
    if (best > -Infinity) scores.push(best);
  }
  if (scores.length === 0) return 0;
  scores.sort((a, b) => a - b);
  return scores[Math.floor(scores.length / 2)] ?? 0;
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/**
 * The words a clip holds: each sentence it overlaps, cut to the share of it the clip covers at either end, so a
 * sentence split at a pause inside it comes back as its first words, then the rest (as Whisper would hear it).
 */
export function wordsIn(located: LocatedClip, info: SpeechFixture): string {
  const from = located.start;
  const to = located.start + located.seconds;
  return info.sentences
    .filter((sentence) => sentence.start < to - 0.15 && sentence.end > from + 0.15)
    .map((sentence) => {
      const words = sentence.text.split(' ');
      const wordsBefore = (at: number) => Math.floor(words.length * Math.min(1, Math.max(0, (at - sentence.start + 0.15) / (sentence.end - sentence.start))));
      const first = wordsBefore(from);
      return words.slice(first, Math.max(first + 1, wordsBefore(to))).join(' ');
    })
    .join(' ');
}

/** Seconds of speech in the fixture (its sentences without the pauses). */
export function spokenSeconds(info: SpeechFixture): number {
  return info.sentences.reduce((sum, sentence) => sum + sentence.end - sentence.start, 0);
}

function envelopeOf(samples: Float32Array): Float32Array {
  const envelope = new Float32Array(Math.floor(samples.length / HOP));
  for (let i = 0; i < envelope.length; i++) {
    let sum = 0;
    for (let n = i * HOP; n < (i + 1) * HOP; n++) sum += (samples[n] ?? 0) ** 2;
    envelope[i] = Math.sqrt(sum / HOP);
  }
  return envelope;
}

function pearson(a: Float32Array, b: Float32Array): number {
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < a.length; i++) {
    meanA += a[i] ?? 0;
    meanB += b[i] ?? 0;
  }
  meanA /= a.length;
  meanB /= b.length;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = (a[i] ?? 0) - meanA;
    const y = (b[i] ?? 0) - meanB;
    cov += x * y;
    varA += x * x;
    varB += y * y;
  }
  return varA === 0 || varB === 0 ? 0 : cov / Math.sqrt(varA * varB);
}

function normalisedDot(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let energyA = 0;
  let energyB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    energyA += x * x;
    energyB += y * y;
  }
  return energyA === 0 || energyB === 0 ? 0 : dot / Math.sqrt(energyA * energyB);
}
