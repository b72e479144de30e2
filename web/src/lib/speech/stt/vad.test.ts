// The real Silero model (from @ricky0123/vad-web, on onnxruntime-web's Node build, offline) finds the fixture's
// three sentences, and the segmenter's defaults cut the fixture exactly at its two pauses.
import { describe, expect, it } from 'vitest';
import { createFramer, FRAME_MS } from './framer.ts';
import { createSegmenter, type SegmenterEvent } from './segmenter.ts';
import { loadAnswerFixture, loadNodeSilero } from './testdata/fixtures.ts';
import { energyProbability } from './vad.ts';

describe('energyProbability', () => {
  it.each([
    [0, 0],
    [10 ** (-60 / 20), 0],
    [10 ** (-45 / 20), 0.5],
    [10 ** (-20 / 20), 1],
  ])('a constant level of %f gives %f', (level, expected) => {
    expect(energyProbability(new Float32Array(512).fill(level))).toBeCloseTo(expected, 2);
  });
});

describe('Silero on the spoken fixture', () => {
  // Warning: about 300 model runs on one thread; on a busy 2-core machine that takes more than the default 5 s.
  it('finds each sentence and cuts one segment per sentence at the pauses', { timeout: 30_000 }, async () => {
    const detector = await loadNodeSilero();
    expect(detector.engine).toBe('silero');
    const { samples, info } = await loadAnswerFixture();
    const framer = createFramer();
    const segmenter = createSegmenter();
    const events: SegmenterEvent[] = [];
    for (const frame of framer.push(samples)) events.push(...segmenter.push(await detector.probability(frame)));
    events.push(...segmenter.finish());

    const closed = events.flatMap((event) => (event.type === 'close' ? [event] : []));
    expect(events.filter((event) => event.type === 'discard')).toEqual([]);
    expect(closed).toHaveLength(info.sentences.length);
    const seconds = (frame: number) => (frame * FRAME_MS) / 1000;
    closed.forEach((segment, i) => {
      const sentence = info.sentences[i];
      // The speech found lies within 0.2 s of the sentence, and the segment sent holds all of it.
      expect(Math.abs(seconds(segment.speechStart) - (sentence?.start ?? NaN))).toBeLessThan(0.2);
      expect(Math.abs(seconds(segment.speechEnd) - (sentence?.end ?? NaN))).toBeLessThan(0.2);
      expect(seconds(segment.start)).toBeLessThanOrEqual(sentence?.start ?? NaN);
      expect(seconds(segment.end)).toBeGreaterThanOrEqual((sentence?.end ?? NaN) - 0.05);
    });
  });

  it('rejects frames of the wrong size', async () => {
    const detector = await loadNodeSilero();
    await expect(detector.probability(new Float32Array(480))).rejects.toThrow(RangeError);
  });
});
