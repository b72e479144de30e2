// What the UI reads from a snapshot, phase by phase.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, type EventObject } from 'xstate';
import { interviewMachine } from './machine.ts';
import { selectCurrentQuestion, selectDraftAnswer, selectPhase, selectQuestionMarks, selectSpeechTimings, selectStatus, selectTopic } from './selectors.ts';
import type { AnalysisInput, TurnEvent, TurnInput } from './turn.ts';
import { DEFAULT_SETTINGS, type InterviewPlan } from './types.ts';
import { planWith } from './testdata/plans.ts';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);

/** The model answers FOLLOW_UP's first line at once and then never finishes, so the turn stays mid-stream. */
const stalledTurn = fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
  const send = (event: TurnEvent) => sendBack(event);
  send({ type: 'TURN_STARTED' });
  if (input.kind === 'introduction') {
    setTimeout(() => {
      send({ type: 'TURN_DELTA', text: 'Hello?' });
      send({ type: 'TURN_DONE' });
    }, 5);
  } else {
    setTimeout(() => send({ type: 'TURN_DECISION', decision: 'FOLLOW_UP' }), 5);
  }
});

function startActor() {
  const analyzeDocuments = fromPromise<InterviewPlan, AnalysisInput>(async () => planWith(['A', 'B']));
  const actor = createActor(interviewMachine.provide({ actors: { analyzeDocuments, streamTurn: stalledTurn } }), {
    input: { id: 'iv', documents: { resume: 'r', jobDescription: 'j', instructions: '' }, settings: DEFAULT_SETTINGS },
  });
  actor.start();
  return actor;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('selectors', () => {
  it('describe a fresh interview', () => {
    const snapshot = startActor().getSnapshot();
    expect(selectPhase(snapshot)).toBe('idle');
    expect(selectCurrentQuestion(snapshot)).toBeNull();
    expect(selectDraftAnswer(snapshot)).toBe('');
    expect(selectStatus(snapshot, T0 + 5_000)).toEqual({
      phase: 'idle',
      questionsAsked: 0,
      maxQuestions: 16,
      elapsedMs: 0,
      limitMs: 45 * 60_000,
      topic: null,
      mainQuestion: 0,
      followUp: false,
      thinking: false,
      canWithdraw: false,
      concluded: false,
      retrying: null,
      error: null,
    });
  });

  it('follow the phases and the topic of a streaming question', async () => {
    const actor = startActor();
    actor.send({ type: 'START' });
    expect(selectPhase(actor.getSnapshot())).toBe('analyzing');
    await vi.advanceTimersByTimeAsync(10);
    expect(selectPhase(actor.getSnapshot())).toBe('awaiting-answer');
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'Hi.' });
    await vi.advanceTimersByTimeAsync(10);
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'ignored while asking' });
    expect(selectPhase(actor.getSnapshot())).toBe('asking');
    // Right after the introduction no follow-up is offered, so the first topic is asked whatever the model says.
    expect(selectTopic(actor.getSnapshot())).toBe('A');
    expect(selectStatus(actor.getSnapshot(), T0 + 60_000)).toMatchObject({ phase: 'asking', questionsAsked: 1, elapsedMs: 60_000 });
    expect(selectCurrentQuestion(actor.getSnapshot())).toEqual({ id: 'iv-2', text: '', streaming: true });
  });

  it('give the answer and first-token marks of a question while it streams and once it is committed', async () => {
    const actor = startActor();
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(10);
    expect(selectQuestionMarks(actor.getSnapshot(), 'iv-0')).toEqual({ answerSubmittedAt: null, firstTokenAt: T0 + 5 });
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'Hi.', listening: { speechEndAt: T0 + 8, transcriptReadyAt: T0 + 9, spokenSeconds: 2, audioSecondsSent: 2.5 } });
    expect(selectQuestionMarks(actor.getSnapshot(), 'iv-2')).toEqual({ answerSubmittedAt: T0 + 10, firstTokenAt: null });
    expect(selectQuestionMarks(actor.getSnapshot(), 'nope')).toEqual({ answerSubmittedAt: null, firstTokenAt: null });
    expect(actor.getSnapshot().context.transcript.at(-1)).toMatchObject({ role: 'candidate', listening: { spokenSeconds: 2, audioSecondsSent: 2.5 } });
  });

  it('keep one speech timing per question, replaced as more pieces are measured', () => {
    const actor = startActor();
    const timing = { questionId: 'iv-0', engine: 'browser voice', answerSubmittedAt: null, firstTokenAt: T0, firstAudioAt: T0 + 40, pieces: [{ chars: 9, audioMs: 900, synthesisMs: 90 }] };
    actor.send({ type: 'SPEECH_MEASURED', timing });
    actor.send({ type: 'SPEECH_MEASURED', timing: { ...timing, pieces: [...timing.pieces, { chars: 20, audioMs: 2000, synthesisMs: 150 }] } });
    actor.send({ type: 'SPEECH_MEASURED', timing: { ...timing, questionId: 'iv-2' } });
    expect(selectSpeechTimings(actor.getSnapshot()).map((entry) => [entry.questionId, entry.pieces.length])).toEqual([
      ['iv-0', 2],
      ['iv-2', 1],
    ]);
  });
});
