// Spoken text joins the typed draft with one space; several takes of one answer add their seconds.
import { describe, expect, it } from 'vitest';
import { joinAnswer, mergeListening } from './answer-text.ts';

describe('joinAnswer', () => {
  it.each([
    ['', 'Hello.', 'Hello.'],
    ['I typed this.', ' And said this. ', 'I typed this. And said this.'],
    ['Line one\n', 'said', 'Line one\nsaid'],
    ['Kept', '   ', 'Kept'],
  ])('%j + %j → %j', (draft, text, joined) => {
    expect(joinAnswer(draft, text)).toBe(joined);
  });
});

describe('mergeListening', () => {
  const first = { speechEndAt: 1000, transcriptReadyAt: 1400, spokenSeconds: 3.2, audioSecondsSent: 3.6 };
  const second = { speechEndAt: 9000, transcriptReadyAt: 9300, spokenSeconds: 2.1, audioSecondsSent: 2.4 };

  it('adds the seconds and keeps the latest times', () => {
    expect(mergeListening(first, second)).toEqual({ speechEndAt: 9000, transcriptReadyAt: 9300, spokenSeconds: 5.3, audioSecondsSent: 6, speechStartAt: null, pauses: [] });
    expect(mergeListening(null, first)).toEqual(first);
  });

  it("keeps the first take's speech start and every take's pauses", () => {
    const merged = mergeListening({ ...first, speechStartAt: 400, pauses: [0.4, 2.5] }, { ...second, speechStartAt: 7000, pauses: [0.3] });
    expect(merged).toMatchObject({ speechStartAt: 400, pauses: [0.4, 2.5, 0.3] });
    expect(mergeListening({ ...first, speechStartAt: null }, { ...second, speechStartAt: 7000 })).toMatchObject({ speechStartAt: 7000 });
  });

  it('ignores a take in which nothing was said or sent', () => {
    expect(mergeListening(first, { speechEndAt: null, transcriptReadyAt: 5, spokenSeconds: 0, audioSecondsSent: 0 })).toEqual(first);
    expect(mergeListening(null, { speechEndAt: null, transcriptReadyAt: 5, spokenSeconds: 0, audioSecondsSent: 0 })).toBeNull();
  });
});
