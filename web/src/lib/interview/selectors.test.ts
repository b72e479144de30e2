// What the UI reads from a snapshot, phase by phase.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, type EventObject } from 'xstate';
import { interviewMachine } from './machine.ts';
import { selectCurrentQuestion, selectDraftAnswer, selectPhase, selectStatus, selectTopic } from './selectors.ts';
import type { AnalysisInput, TurnEvent, TurnInput } from './turn.ts';
import { DEFAULT_SETTINGS, type InterviewPlan } from './types.ts';

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
  const analyzeDocuments = fromPromise<InterviewPlan, AnalysisInput>(async () => ({ strategy: 's', topics: ['A', 'B'] }));
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
    expect(selectCurrentQuestion(actor.getSnapshot())).toEqual({ text: '', streaming: true });
  });
});
