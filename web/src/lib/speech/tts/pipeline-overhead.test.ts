// Table tests of the per-piece pipeline overhead and its summary.
import { describe, expect, it } from 'vitest';
import { pieceOverheadMs, type PieceTrace } from './pipeline-overhead.ts';

function trace(overrides: Partial<PieceTrace>): PieceTrace {
  return {
    questionId: 'q1',
    index: 0,
    chars: 30,
    engine: 'kokoro',
    textAt: 1000,
    synthesisStartAt: 1000,
    synthesisDoneAt: 1300,
    synthesisMs: 280,
    scheduledAt: 1315,
    previousEndAt: null,
    engineFreeAt: null,
    audioMs: 2000,
    ...overrides,
  };
}

describe('pieceOverheadMs', () => {
  it.each([
    ['first piece: messaging and the scheduling lead', trace({}), 35],
    ['waiting for the previous piece to finish playing is not overhead', trace({ previousEndAt: 3000, scheduledAt: 3000 }), 0],
    ['a gap after the previous piece is', trace({ previousEndAt: 1200, scheduledAt: 1315 }), 35],
    ['waiting for the engine to finish the piece before is not overhead', trace({ engineFreeAt: 1500, scheduledAt: 1800 }), 20],
    ['text that arrived after the engine was free', trace({ engineFreeAt: 900 }), 35],
  ])('%s', (_name, input, expected) => {
    expect(pieceOverheadMs(input)).toBe(expected);
  });
});
