// Pure builders of what RunPod's faster-whisper worker returns: the `output` object with
// Whisper-style segments (and word timestamps when asked), timed plausibly from the text.
import type { WhisperInput } from './runpod-schema.ts';

/** A segment as a test scripts it. */
export interface SegmentInput {
  start: number;
  end: number;
  text: string;
}

/** One segment as faster-whisper reports it. */
export interface WhisperSegment extends SegmentInput {
  id: number;
  seek: number;
  tokens: number[];
  temperature: number;
  avg_logprob: number;
  compression_ratio: number;
  no_speech_prob: number;
}

/** The worker's `output`. */
export interface WhisperOutput {
  segments: WhisperSegment[];
  detected_language: string;
  transcription: string;
  translation: string | null;
  device: 'cuda';
  model: string;
  word_timestamps?: { word: string; start: number; end: number }[];
}

// Speaking rate used to invent timings: about 150 words a minute.
const SECONDS_PER_WORD = 0.4;

/** Cuts `text` into sentence segments timed at an even speaking rate. */
export function segmentsFromText(text: string): SegmentInput[] {
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()).filter((s) => s !== '') ?? [];
  let at = 0;
  return sentences.map((sentence) => {
    const start = at;
    at = round(at + sentence.split(/\s+/).length * SECONDS_PER_WORD);
    return { start, end: at, text: ` ${sentence}` };
  });
}

/** The worker's output for `text` (or the scripted `segments`) and the request's input. */
export function whisperOutput(input: WhisperInput, text: string, segments?: readonly SegmentInput[]): WhisperOutput {
  const timed = segments ?? segmentsFromText(text);
  const output: WhisperOutput = {
    segments: timed.map((segment, id) => ({
      id,
      seek: Math.round(segment.start * 100),
      start: segment.start,
      end: segment.end,
      text: segment.text,
      tokens: [],
      temperature: input.temperature ?? 0,
      avg_logprob: -0.21,
      compression_ratio: 1.35,
      no_speech_prob: 0.012,
    })),
    detected_language: input.language ?? 'en',
    transcription: text,
    translation: null,
    device: 'cuda',
    model: input.model ?? 'base',
  };
  if (input.word_timestamps) output.word_timestamps = timed.flatMap(wordsOf);
  return output;
}

function wordsOf(segment: SegmentInput): { word: string; start: number; end: number }[] {
  const words = segment.text.trim().split(/\s+/).filter((w) => w !== '');
  const step = words.length > 0 ? (segment.end - segment.start) / words.length : 0;
  return words.map((word, i) => ({
    word: ` ${word}`,
    start: round(segment.start + i * step),
    end: round(segment.start + (i + 1) * step),
  }));
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
