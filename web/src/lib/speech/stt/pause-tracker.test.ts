import { describe, expect, it } from 'vitest';
import { FRAME_MS } from './framer.ts';
import { createPauseTracker } from './pause-tracker.ts';

/** Feeds a string of frames: '#' speech, '.' silence. */
function feed(frames: string, minPauseMs?: number) {
  const tracker = createPauseTracker(minPauseMs);
  [...frames].forEach((frame, index) => tracker.push(index, frame === '#'));
  return tracker;
}

describe('createPauseTracker', () => {
  it.each([
    ['no speech at all', '.....', null, []],
    ['speech from the first frame, no gap', '####', 0, []],
    ['a late start: the silence before speech is latency, not a pause', '......###', 6, []],
    ['a gap shorter than 250 ms (7 frames = 224 ms) is a space between words', '##.......##', 0, []],
    ['a gap of 8 frames (256 ms) is a pause', '##........##', 0, [0.26]],
    ['the silence after the last speech is not a pause', '###..........', 0, []],
  ])('%s', (_name, frames, first, pauses) => {
    const tracker = feed(frames);
    expect(tracker.firstSpeechFrame()).toBe(first);
    expect(tracker.pauses()).toEqual(pauses);
  });

  it('measures each pause between stretches of speech, in order', () => {
    const twoSeconds = Math.round(2000 / FRAME_MS);
    const tracker = feed(`##${'.'.repeat(twoSeconds)}##${'.'.repeat(10)}#`);
    expect(tracker.pauses()).toEqual([Math.round((twoSeconds * FRAME_MS) / 10) / 100, 0.32]);
  });

  it('takes another threshold', () => {
    expect(feed('##...##', 90).pauses()).toEqual([0.1]);
  });
});
