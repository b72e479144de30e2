// The upload budget: partials only while the answer, owed finals included, stays within 1.5× its voiced time.
import { describe, expect, it } from 'vitest';
import { canAfford, DEFAULT_UPLOAD_POLICY, partialDue, type PartialCandidate, type UploadLedger } from './budget.ts';

describe('canAfford', () => {
  it.each<[string, UploadLedger, number, boolean]>([
    ['a partial of a first segment (it would be paid twice)', { voicedSeconds: 3, sentSeconds: 0, owedSeconds: 3.3 }, 3.3, false],
    ['a partial once earlier segments paid for it', { voicedSeconds: 9, sentSeconds: 6.8, owedSeconds: 2.5 }, 2.5, true],
    ['a partial that would cross 1.5× with the reserve', { voicedSeconds: 9, sentSeconds: 6.8, owedSeconds: 2.5 }, 3.8, false],
    ['nothing before any speech', { voicedSeconds: 0, sentSeconds: 0, owedSeconds: 0 }, 0.1, false],
  ])('%s', (_, ledger, clip, expected) => {
    expect(canAfford(ledger, clip)).toBe(expected);
  });
});

describe('partialDue', () => {
  const rich: UploadLedger = { voicedSeconds: 20, sentSeconds: 12, owedSeconds: 3 };
  const ready: PartialCandidate = { openSeconds: 3, lastPartialSeconds: 0, sinceLastPartialMs: Infinity, busy: false };

  it('asks when the segment is long enough, has grown, the interval passed and the budget allows', () => {
    expect(partialDue(ready, rich)).toBe(true);
  });

  it.each<[string, Partial<PartialCandidate>]>([
    ['an upload is under way', { busy: true }],
    ['the last partial was under 3 s ago', { sinceLastPartialMs: DEFAULT_UPLOAD_POLICY.partialIntervalMs - 1 }],
    ['the segment is too short', { openSeconds: 1.5 }],
    ['it has barely grown since the last partial', { openSeconds: 3, lastPartialSeconds: 2 }],
  ])('waits while %s', (_, change) => {
    expect(partialDue({ ...ready, ...change }, rich)).toBe(false);
  });

  it('waits when the budget does not allow it', () => {
    expect(partialDue(ready, { voicedSeconds: 3, sentSeconds: 0, owedSeconds: 3 })).toBe(false);
  });
});
