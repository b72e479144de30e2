// The framer hands out whole 512-sample frames whatever the chunk sizes, in order, without losing a sample.
import { expect, it } from 'vitest';
import { createFramer, FRAME_MS, FRAME_SAMPLES } from './framer.ts';

it('cuts chunks of any size into whole frames in order and pads the rest on flush', () => {
  const framer = createFramer();
  const input = Float32Array.from({ length: 2000 }, (_, i) => i);
  const frames = [...framer.push(input.subarray(0, 100)), ...framer.push(input.subarray(100, 1500)), ...framer.push(input.subarray(1500))];
  expect(frames).toHaveLength(3);
  expect(frames.map((frame) => [frame[0], frame[FRAME_SAMPLES - 1]])).toEqual([
    [0, 511],
    [512, 1023],
    [1024, 1535],
  ]);
  const rest = framer.flush();
  expect(rest?.length).toBe(FRAME_SAMPLES);
  expect([rest?.[0], rest?.[2000 - 1536 - 1], rest?.[2000 - 1536]]).toEqual([1536, 1999, 0]);
  expect(framer.flush()).toBeNull();
  expect(FRAME_MS).toBe(32);
});
