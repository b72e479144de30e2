// The meter reads 0 for silence, 1 for a full-scale signal, and half way at -30 dBFS.
import { expect, it } from 'vitest';
import { levelOf } from './level.ts';

it.each([
  [0, 0],
  [1, 1],
  [10 ** (-30 / 20), 0.5],
  [10 ** (-70 / 20), 0],
])('a constant %f reads %f', (value, level) => {
  expect(levelOf(new Float32Array(256).fill(value))).toBeCloseTo(level, 3);
  expect(levelOf(new Float32Array(0))).toBe(0);
});
