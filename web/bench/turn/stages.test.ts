import { describe, expect, it } from 'vitest';
import { coveredMs, modelMsUntil, ourMs, SPOKEN_STAGES, stageMs, summaryRows, tailJob, turnMs, TYPED_STAGES, type TurnMarks } from './stages.ts';

const spoken: TurnMarks = {
  kind: 'spoken',
  doneAt: 1000,
  tailReceivedAt: 1010,
  tailAnsweredAt: 1410,
  tailTranscribedAt: 1420,
  committedAt: 1425,
  requestSentAt: 1427,
  firstTokenAt: 1840,
  firstPieceAt: 1900,
  firstAudioAt: 1930,
  modelMs: 460,
  transcriptionMs: 400,
};

const typed: TurnMarks = { ...spoken, kind: 'typed', doneAt: null, tailReceivedAt: null, tailAnsweredAt: null, tailTranscribedAt: null, transcriptionMs: 0 };

describe('turn stages', () => {
  it('splits a spoken turn into stages that add up to Done → first audio', () => {
    const stages = SPOKEN_STAGES.map((stage) => stageMs(spoken, stage));
    expect(stages).toEqual([10, 400, 10, 5, 2, 413, 60, 30]);
    expect(stages.reduce((a, b) => a + b, 0)).toBe(turnMs(spoken));
    expect(turnMs(spoken)).toBe(930);
  });

  it('counts a typed turn from Send, with no transcription stage', () => {
    expect(TYPED_STAGES.map((stage) => stageMs(typed, stage))).toEqual([2, 413, 60, 30]);
    expect(turnMs(typed)).toBe(505);
  });

  it('leaves the services’ own time out of ours', () => {
    expect(ourMs(spoken)).toBe(930 - 460 - 400);
    expect(ourMs(typed)).toBe(505 - 460);
  });

  it("finds the job on an answer's tail: the last to arrive before the words landed, none from an earlier answer", () => {
    const jobs = [
      [500, 800],
      [1200, 1500],
      [2100, 2450],
      [3000, 3300],
    ] as const;
    expect(tailJob(jobs, 1000, 2500)).toEqual([2100, 2450]);
    expect(tailJob(jobs, 1000, 1100)).toBeNull();
    expect(tailJob(jobs, 2200, 2500)).toBeNull();
  });

  it('gives NaN for a stage whose mark is missing', () => {
    expect(stageMs(typed, SPOKEN_STAGES[0]!)).toBeNaN();
  });
});

describe('the services’ own time', () => {
  it('takes the model up to the last event written before the first piece was cut', () => {
    expect(modelMsUntil(1000, [1400, 1420, 1440, 1460], 1445)).toBe(440);
    expect(modelMsUntil(1000, [1400, 1420], 1399)).toBe(0);
  });

  it('counts overlapping jobs once and only inside the window', () => {
    expect(
      coveredMs(
        [
          [900, 1100],
          [1050, 1200],
          [1300, 1350],
          [2000, 2100],
        ],
        1000,
        1400,
      ),
    ).toBe(200 + 50);
    expect(coveredMs([], 0, 10)).toBe(0);
  });
});

describe('summary rows', () => {
  it('gives each stage, the whole turn and ours with p50 and p95, and judges the budget', () => {
    const slow: TurnMarks = { ...typed, firstAudioAt: typed.firstAudioAt + 200 };
    const rows = summaryRows([typed, typed, typed, slow, spoken], 'typed');
    expect(rows.map((row) => row[0])).toEqual([
      'Send → request sent',
      'request sent → first token',
      'first token → first speakable piece',
      'first speakable piece → first audio scheduled',
      '**Send → first audio scheduled**',
      '  the model (to the text completing the first piece)',
      '  **ours: everything else**',
    ]);
    expect(rows.at(-1)).toEqual(['  **ours: everything else**', '4', '45', '245', 'budget 50 / 100: OVER']);
    expect(summaryRows([typed], 'typed').at(-1)?.[4]).toBe('budget 50 / 100: ok');
  });

  it('adds the transcription service for spoken turns', () => {
    expect(summaryRows([spoken], 'spoken').map((row) => row[0])).toContain('  the transcription service (after Done)');
  });
});
