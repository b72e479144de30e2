// Interviews saved before plans carried requirements and probes open and resume: real snapshots made by that
// version of the machine (testdata/legacy-snapshots.json) are upgraded, restored and driven on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, type EventObject, type Snapshot } from 'xstate';
import { interviewMachine, type InterviewContext, type InterviewInput } from './machine.ts';
import { selectTopic, selectTranscript } from './selectors.ts';
import { upgradeInterviewSnapshot } from './snapshot-upgrade.ts';
import legacy from './testdata/legacy-snapshots.json' with { type: 'json' };
import type { AnalysisInput, TurnEvent, TurnInput } from './turn.ts';
import type { InterviewPlan } from './types.ts';

type Persisted = Snapshot<unknown> & { value: string; context: InterviewContext };

function restore(snapshot: unknown) {
  const inputs: TurnInput[] = [];
  const streamTurn = fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
    inputs.push(input);
    const send = (event: TurnEvent) => sendBack(event);
    send({ type: 'TURN_STARTED' });
    if (input.kind === 'question') send({ type: 'TURN_DECISION', decision: 'NEXT_TOPIC' });
    send({ type: 'TURN_DELTA', text: input.kind === 'question' ? `Tell me about ${input.nextTopic.name}.` : 'Thank you.' });
    send({ type: 'TURN_DONE' });
  });
  const analyzeDocuments = fromPromise<InterviewPlan, AnalysisInput>(() => Promise.reject(new Error('no analysis expected')));
  const machine = interviewMachine.provide({ actors: { streamTurn, analyzeDocuments } });
  const { context } = snapshot as Persisted;
  const input: InterviewInput = { id: context.id, documents: context.documents, settings: context.settings };
  const actor = createActor(machine, { snapshot: snapshot as never, input });
  actor.start();
  return { actor, inputs };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('upgradeInterviewSnapshot', () => {
  // The saved interviews started at 10:00 that day; resuming them a few minutes later keeps them within their time limit.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2025, 0, 6, 10, 5));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns the earlier plan into today’s: ids, no probes, mixed with no level; follow-ups counted by id; entries know their topic id', () => {
    const upgraded = upgradeInterviewSnapshot(clone(legacy.awaiting)) as Persisted;
    const { context } = upgraded;
    expect(context.plan).toEqual({
      strategy: 'Probe payments depth and on-call judgement.',
      interviewType: 'mixed',
      level: null,
      requirements: [],
      topics: [
        { id: 't1', name: 'Payments', why: '', requirementIds: [], probes: [] },
        { id: 't2', name: 'On-call', why: '', requirementIds: [], probes: [] },
        { id: 't3', name: 'Mentoring', why: '', requirementIds: [], probes: [] },
      ],
    });
    expect(context.profile).toEqual({ interviewType: 'mixed', level: null });
    expect(context.followUpsByTopic).toEqual({ t1: 1 });
    expect(context.transcript.flatMap((entry) => (entry.role === 'interviewer' ? [[entry.topic, entry.topicId]] : []))).toEqual([
      [null, null],
      ['Payments', 't1'],
      ['Payments', 't1'],
      ['On-call', 't2'],
    ]);
    expect(upgraded.value).toBe('awaitingAnswer');
  });

  it('leaves the saved snapshot untouched and is idempotent', () => {
    const saved = clone(legacy.awaiting);
    const once = upgradeInterviewSnapshot(saved);
    expect(saved).toEqual(legacy.awaiting);
    expect(upgradeInterviewSnapshot(clone(once))).toEqual(once);
  });

  it('gives back anything that is not a snapshot as it is', () => {
    expect(upgradeInterviewSnapshot(null)).toBeNull();
    expect(upgradeInterviewSnapshot('x')).toBe('x');
    expect(upgradeInterviewSnapshot({ value: 'idle' })).toEqual({ value: 'idle' });
  });

  it('resumes an old interview awaiting an answer and goes on with its topics and follow-up counts', async () => {
    const { actor, inputs } = restore(upgradeInterviewSnapshot(clone(legacy.awaiting)));
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(selectTopic(actor.getSnapshot())).toBe('On-call');
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'I was on call for two years.' });
    await Promise.resolve();
    expect(inputs[0]).toMatchObject({
      kind: 'question',
      profile: { interviewType: 'mixed', level: null },
      currentTopic: { name: 'On-call', probes: [] },
      nextTopic: { name: 'Mentoring', why: '', requirements: [], probes: [] },
      followUpAllowed: true,
    });
    expect(selectTranscript(actor.getSnapshot()).at(-1)).toMatchObject({ role: 'interviewer', topic: 'Mentoring', topicId: 't3', text: 'Tell me about Mentoring.' });
  });

  it('resumes an old interview saved while a question streamed by asking it again in today’s shape', async () => {
    const upgraded = upgradeInterviewSnapshot(clone(legacy.streaming), Date.UTC(2025, 0, 6, 10, 5)) as Persisted & { children: { turn: { snapshot: { input: TurnInput } } } };
    expect(upgraded.children.turn.snapshot.input).toMatchObject({ kind: 'question', nextTopic: { name: 'On-call', probes: [] }, currentTopic: { name: 'Payments' }, followUpsUsed: 1 });
    const { actor, inputs } = restore(upgraded);
    await Promise.resolve();
    expect(inputs[0]).toMatchObject({ kind: 'question', nextTopic: { name: 'On-call' } });
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(selectTranscript(actor.getSnapshot()).at(-1)).toMatchObject({ text: 'Tell me about On-call.', topicId: 't2' });
    expect(selectTranscript(actor.getSnapshot()).filter((entry) => entry.role === 'interviewer')).toHaveLength(4);
  });
});
