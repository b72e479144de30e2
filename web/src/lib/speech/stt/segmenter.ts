// Cuts the answer's audio into segments at the candidate's pauses, from the VAD's speech probability per frame.
// Pure: it sees frame numbers and probabilities only; the recorder keeps the audio and sends what it is told.
//
// Rules (defaults in DEFAULT_SEGMENTER_OPTIONS):
// - Speech starts when a frame's probability reaches `positiveThreshold` and lasts while frames stay at or
//   above `negativeThreshold` (hysteresis, as Silero's authors recommend).
// - A segment opens `preRollMs` before the first speech frame (never reaching into the previous segment), so
//   the onset the VAD needed a frame or two to notice is sent too.
// - It closes `postRollMs` after its last speech frame once a pause of `pauseMs` has followed, if it holds at
//   least `minSegmentMs` up to that speech; after a pause of `longPauseMs` it closes whatever its length. The rest
//   of a pause is never sent.
// - At `maxSegmentMs` it is cut at the quietest frame of its last `cutSearchMs`, and the remainder opens the next.
// - A segment with fewer than `minSpeechMs` of speech (a click, a breath) is discarded, not sent.
// - The recorder may split the open segment where a pause began (`split`): the speech after it opens the next one.
import { FRAME_MS } from './framer.ts';

/** The segmenter's thresholds and lengths (milliseconds are rounded to whole 32 ms frames). */
export interface SegmenterOptions {
  positiveThreshold: number;
  negativeThreshold: number;
  preRollMs: number;
  postRollMs: number;
  pauseMs: number;
  longPauseMs: number;
  minSegmentMs: number;
  maxSegmentMs: number;
  cutSearchMs: number;
  minSpeechMs: number;
}

/** Tuned on espeak-ng and recorded speech: sentence pauses cut, word gaps do not. */
export const DEFAULT_SEGMENTER_OPTIONS: SegmenterOptions = {
  positiveThreshold: 0.5,
  negativeThreshold: 0.35,
  preRollMs: 256,
  postRollMs: 192,
  pauseMs: 600,
  longPauseMs: 1500,
  minSegmentMs: 1000,
  maxSegmentMs: 12_000,
  cutSearchMs: 2000,
  minSpeechMs: 128,
};

/** A finished segment: frames [start, end), its speech between speechStart and speechEnd. */
export interface SegmentBounds {
  start: number;
  end: number;
  speechStart: number;
  speechEnd: number;
}

/** Why a segment closed. */
export type CloseReason = 'pause' | 'max-length' | 'finish';

/** What one frame (or the finish) changed. */
export type SegmenterEvent =
  | { type: 'open'; start: number }
  | ({ type: 'close'; reason: CloseReason; speechFrames: number } & SegmentBounds)
  | { type: 'discard'; start: number; end: number };

/** The segment being spoken: where it starts, what it holds so far, and its speech. */
export interface OpenSegment extends SegmentBounds {
  /** Frames captured since it opened (end of the trailing silence included). */
  capturedEnd: number;
  speechFrames: number;
}

/** A segmenter for one answer. */
export interface Segmenter {
  /** Feeds the next frame's speech probability; frames are numbered from 0 in call order. */
  push(probability: number): SegmenterEvent[];
  /** Ends the answer: closes (or discards) the open segment. */
  finish(): SegmenterEvent[];
  /**
   * Closes the open segment at frame `end` (inside a pause, before the frames pushed last) as if the pause had been
   * long enough; the speech after it opens the next segment, from its pre-roll (never before `end`).
   */
  split(end: number): SegmenterEvent[];
  /** The open segment, or null between segments. */
  open(): OpenSegment | null;
  /** Frames pushed so far. */
  frames(): number;
  /** One past the last speech frame of the answer so far, or null before any speech. */
  lastSpeechEnd(): number | null;
}

/** Milliseconds to whole frames (at least 1). */
export function msToFrames(ms: number): number {
  return Math.max(1, Math.round(ms / FRAME_MS));
}

interface Open {
  start: number;
  speechStart: number;
  lastSpeech: number;
  speechFrames: number;
  /** Probability and speech flag of every frame from `start`. */
  probabilities: number[];
  speech: boolean[];
}

/** Builds a segmenter with `options` over the defaults. */
export function createSegmenter(options: Partial<SegmenterOptions> = {}): Segmenter {
  const o = { ...DEFAULT_SEGMENTER_OPTIONS, ...options };
  const preRoll = msToFrames(o.preRollMs);
  const postRoll = msToFrames(o.postRollMs);
  const pause = msToFrames(o.pauseMs);
  const longPause = Math.max(pause, msToFrames(o.longPauseMs));
  const minSegment = msToFrames(o.minSegmentMs);
  const maxSegment = Math.max(minSegment + 2, msToFrames(o.maxSegmentMs));
  const cutSearch = Math.min(maxSegment - minSegment - 1, msToFrames(o.cutSearchMs));
  const minSpeech = msToFrames(o.minSpeechMs);

  let next = 0;
  let inSpeech = false;
  let previousEnd = 0;
  let lastSpeechEnd: number | null = null;
  let open: Open | null = null;
  // Probabilities of the latest frames while no segment is open, for the pre-roll.
  let recent: number[] = [];

  const close = (segment: Open, end: number, reason: CloseReason): SegmenterEvent => {
    previousEnd = end;
    const bounds = { start: segment.start, end, speechStart: segment.speechStart, speechEnd: segment.lastSpeech + 1 };
    if (segment.speechFrames < minSpeech) return { type: 'discard', start: segment.start, end };
    return { type: 'close', reason, speechFrames: segment.speechFrames, ...bounds };
  };

  // Closes `segment` at `end`; the rest opens the next one from `restStart(its first speech frame)` (at least `end`).
  const cutAt = (segment: Open, end: number, reason: CloseReason, restStart: (firstSpeech: number) => number): SegmenterEvent[] => {
    const head: Open = { ...segment, lastSpeech: lastSpeechBefore(segment, end) };
    head.speechFrames = countSpeech(segment, segment.start, end);
    const events = [close(head, end, reason)];
    const rest = segment.speech.slice(end - segment.start);
    const firstSpeech = rest.indexOf(true);
    if (firstSpeech === -1) {
      open = null;
      recent = lastOf(segment.probabilities.slice(end - segment.start), preRoll);
      return events;
    }
    const start = Math.max(end, restStart(end + firstSpeech));
    open = {
      start,
      speechStart: end + firstSpeech,
      lastSpeech: end + rest.lastIndexOf(true),
      speechFrames: countSpeech(segment, end, next),
      probabilities: segment.probabilities.slice(start - segment.start),
      speech: segment.speech.slice(start - segment.start),
    };
    events.push({ type: 'open', start });
    return events;
  };

  // Cuts a segment that reached the maximum length at its quietest recent frame; the rest opens the next one.
  const cutLong = (segment: Open, index: number): SegmenterEvent[] => {
    const from = Math.max(segment.start + minSegment, index + 1 - cutSearch);
    let quietest = index;
    for (let frame = index; frame >= from; frame--) {
      if ((segment.probabilities[frame - segment.start] ?? 1) < (segment.probabilities[quietest - segment.start] ?? 1)) quietest = frame;
    }
    const end = quietest + 1;
    return cutAt(segment, end, 'max-length', () => end);
  };

  return {
    push(probability) {
      const index = next++;
      const speech = inSpeech ? probability >= o.negativeThreshold : probability >= o.positiveThreshold;
      inSpeech = speech;
      if (speech) lastSpeechEnd = index + 1;

      if (!open) {
        if (!speech) {
          recent.push(probability);
          if (recent.length > preRoll) recent.shift();
          return [];
        }
        const start = Math.max(previousEnd, index - recent.length);
        const roll = recent.slice(recent.length - (index - start));
        recent = [];
        open = {
          start,
          speechStart: index,
          lastSpeech: index,
          speechFrames: 1,
          probabilities: [...roll, probability],
          speech: [...roll.map(() => false), true],
        };
        return [{ type: 'open', start }];
      }

      const segment = open;
      segment.probabilities.push(probability);
      segment.speech.push(speech);
      if (speech) {
        segment.lastSpeech = index;
        segment.speechFrames++;
      }
      const silent = index - segment.lastSpeech;
      const spokenLength = segment.lastSpeech + 1 - segment.start;
      if (silent >= longPause || (silent >= pause && spokenLength >= minSegment)) {
        open = null;
        const end = Math.min(segment.lastSpeech + 1 + postRoll, index + 1);
        // The part of the pause after the segment may serve as the next segment's pre-roll.
        recent = lastOf(segment.probabilities.slice(end - segment.start), preRoll);
        return [close(segment, end, 'pause')];
      }
      if (index + 1 - segment.start >= maxSegment) return cutLong(segment, index);
      return [];
    },

    finish() {
      if (!open) return [];
      const segment = open;
      open = null;
      recent = [];
      return [close(segment, Math.min(segment.lastSpeech + 1 + postRoll, next), 'finish')];
    },

    split(end) {
      if (!open || end <= open.start || end >= next) return [];
      return cutAt(open, end, 'pause', (firstSpeech) => firstSpeech - preRoll);
    },

    open() {
      if (!open) return null;
      return {
        start: open.start,
        end: Math.min(open.lastSpeech + 1 + postRoll, next),
        speechStart: open.speechStart,
        speechEnd: open.lastSpeech + 1,
        capturedEnd: next,
        speechFrames: open.speechFrames,
      };
    },

    frames: () => next,
    lastSpeechEnd: () => lastSpeechEnd,
  };
}

// Warning: `slice(-0)` is the whole array, hence this helper.
function lastOf<T>(items: T[], count: number): T[] {
  return count <= 0 ? [] : items.slice(-count);
}

function countSpeech(segment: Open, from: number, to: number): number {
  let count = 0;
  for (let frame = from; frame < to; frame++) if (segment.speech[frame - segment.start]) count++;
  return count;
}

function lastSpeechBefore(segment: Open, end: number): number {
  for (let frame = end - 1; frame >= segment.start; frame--) if (segment.speech[frame - segment.start]) return frame;
  return segment.speechStart;
}
