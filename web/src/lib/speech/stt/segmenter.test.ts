// Table tests of cutting at pauses: frames are 32 ms; '#' is speech (0.9), '.' silence (0.05), '+' in between (0.4).
import { describe, expect, it } from 'vitest';
import { createSegmenter, DEFAULT_SEGMENTER_OPTIONS, msToFrames, type Segmenter, type SegmenterEvent, type SegmenterOptions } from './segmenter.ts';

const LEVEL: Record<string, number> = { '#': 0.9, '.': 0.05, '+': 0.4 };

/** Frames from runs like ['#', 50] (50 speech frames). */
function frames(...runs: [string, number][]): number[] {
  return runs.flatMap(([kind, count]) => Array.from({ length: count }, () => LEVEL[kind] ?? NaN));
}

function run(probabilities: number[], options: Partial<SegmenterOptions> = {}): { events: (SegmenterEvent & { at: number })[]; segmenter: Segmenter } {
  const segmenter = createSegmenter(options);
  const events = probabilities.flatMap((p, at) => segmenter.push(p).map((event) => ({ ...event, at })));
  return { events, segmenter };
}

const PRE = msToFrames(DEFAULT_SEGMENTER_OPTIONS.preRollMs);
const POST = msToFrames(DEFAULT_SEGMENTER_OPTIONS.postRollMs);
const PAUSE = msToFrames(DEFAULT_SEGMENTER_OPTIONS.pauseMs);
const LONG_PAUSE = msToFrames(DEFAULT_SEGMENTER_OPTIONS.longPauseMs);

describe('createSegmenter', () => {
  it('uses the documented frame counts', () => {
    expect([PRE, POST, PAUSE, LONG_PAUSE]).toEqual([8, 6, 19, 47]);
  });

  it('sends nothing for silence', () => {
    const { events, segmenter } = run(frames(['.', 200]));
    expect(events).toEqual([]);
    expect(segmenter.finish()).toEqual([]);
    expect(segmenter.lastSpeechEnd()).toBeNull();
  });

  it('opens a pre-roll before speech and closes a post-roll after it, once the pause is long enough', () => {
    const { events, segmenter } = run(frames(['.', 20], ['#', 60], ['.', 60]));
    expect(events).toEqual([
      { type: 'open', start: 20 - PRE, at: 20 },
      { type: 'close', reason: 'pause', start: 20 - PRE, end: 80 + POST, speechStart: 20, speechEnd: 80, speechFrames: 60, at: 79 + PAUSE },
    ]);
    expect(segmenter.open()).toBeNull();
    expect(segmenter.lastSpeechEnd()).toBe(80);
  });

  it('keeps word gaps shorter than the pause inside one segment', () => {
    const { events } = run(frames(['#', 30], ['.', PAUSE - 1], ['#', 30], ['.', 60]));
    expect(events.filter((e) => e.type === 'close')).toMatchObject([{ start: 0, speechStart: 0, speechEnd: 30 + PAUSE - 1 + 30, speechFrames: 60 }]);
  });

  it('starts speech only above the positive threshold, and keeps it while above the negative one', () => {
    const { events } = run(frames(['+', 20], ['#', 40], ['+', 10], ['.', 60]));
    expect(events.filter((e) => e.type === 'close')).toMatchObject([{ speechStart: 20, speechEnd: 70, speechFrames: 50 }]);
  });

  it('holds a short segment open through a pause until the long pause, so "Yes." … is still sent whole', () => {
    const { events } = run(frames(['#', 12], ['.', 80]));
    expect(events).toMatchObject([
      { type: 'open', start: 0 },
      { type: 'close', reason: 'pause', end: 12 + POST, speechFrames: 12, at: 11 + LONG_PAUSE },
    ]);
  });

  it('joins a short segment and the speech after a pause shorter than the long pause', () => {
    const { events } = run(frames(['#', 12], ['.', 30], ['#', 40], ['.', 60]));
    expect(events.filter((e) => e.type === 'close')).toMatchObject([{ start: 0, speechEnd: 82, speechFrames: 52 }]);
  });

  it('discards a click too short to be speech', () => {
    const { events } = run(frames(['.', 10], ['#', 2], ['.', 80]));
    expect(events.map((e) => e.type)).toEqual(['open', 'discard']);
  });

  it('cuts a long stretch of speech at its quietest recent frame and goes on with the rest', () => {
    const max = msToFrames(DEFAULT_SEGMENTER_OPTIONS.maxSegmentMs);
    const probabilities = frames(['#', max + 100]);
    probabilities[max - 20] = 0.36;
    const { events } = run(probabilities);
    expect(events).toMatchObject([
      { type: 'open', start: 0 },
      { type: 'close', reason: 'max-length', start: 0, end: max - 19, speechEnd: max - 19 },
      { type: 'open', start: max - 19 },
    ]);
    expect(events[1]?.at).toBe(max - 1);
  });

  it('closes the open segment on finish, its post-roll limited to what was captured', () => {
    const segmenter = createSegmenter();
    for (const p of frames(['.', 5], ['#', 40], ['.', 2])) segmenter.push(p);
    expect(segmenter.open()).toEqual({ start: 0, end: 47, speechStart: 5, speechEnd: 45, capturedEnd: 47, speechFrames: 40 });
    expect(segmenter.finish()).toEqual([{ type: 'close', reason: 'finish', start: 0, end: 47, speechStart: 5, speechEnd: 45, speechFrames: 40 }]);
    expect(segmenter.open()).toBeNull();
  });

  it('splits the open segment where a pause began: the head closes there, the speech after it opens the next from its pre-roll', () => {
    const { segmenter } = run(frames(['#', 40], ['.', 15], ['#', 10]));
    expect(segmenter.split(40 + POST)).toEqual([
      { type: 'close', reason: 'pause', start: 0, end: 40 + POST, speechStart: 0, speechEnd: 40, speechFrames: 40 },
      { type: 'open', start: 55 - PRE },
    ]);
    expect(segmenter.open()).toEqual({ start: 55 - PRE, end: 65, speechStart: 55, speechEnd: 65, capturedEnd: 65, speechFrames: 10 });
    // Nothing before the head's end goes into the next segment, whatever its pre-roll.
    const close = run(frames(['#', 40], ['.', 8], ['#', 10])).segmenter;
    expect(close.split(40 + POST)[1]).toEqual({ type: 'open', start: 40 + POST });
    // Outside a segment, or at the frame not yet pushed, there is nothing to split.
    expect(run(frames(['.', 10])).segmenter.split(5)).toEqual([]);
    expect(close.split(close.frames())).toEqual([]);
  });

  it('never lets a pre-roll reach back into the previous segment', () => {
    const { events } = run(frames(['#', 40], ['.', PAUSE + 2], ['#', 40], ['.', 60]), { preRollMs: 1000 });
    const [first, second] = events.filter((e) => e.type === 'close');
    expect(second?.start).toBe(first?.end);
  });
});
