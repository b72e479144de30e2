// The live session over the real machine with instant fake actors: every meaningful step saved, a restore resumes.
import { describe, expect, it } from 'vitest';
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import { interviewMachine, type AnalysisInput, type TurnEvent, type TurnInput } from '../interview/index.ts';
import { DEFAULT_SETTINGS, type InterviewPlan } from '../interview/types.ts';
import type { InterviewRecord } from '../storage/index.ts';
import { InterviewSession } from './session.svelte.ts';
import { planWith } from '../interview/testdata/plans.ts';

const machine = interviewMachine.provide({
  actors: {
    analyzeDocuments: fromPromise<InterviewPlan, AnalysisInput>(async () => planWith(['Payments', 'Teamwork'], 'Probe payments depth.')),
    streamTurn: fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
      const send = (event: TurnEvent) => sendBack(event);
      send({ type: 'TURN_STARTED' });
      if (input.kind === 'question') send({ type: 'TURN_DECISION', decision: 'NEXT_TOPIC' });
      send({ type: 'TURN_DELTA', text: input.kind === 'closing' ? 'Thank you, that is all.' : `Question (${input.kind})?` });
      send({ type: 'TURN_DONE' });
    }),
  },
});

const input = {
  id: 'interview-1',
  documents: { resume: 'Jane Doe, payments engineer.', jobDescription: 'Senior engineer at Acme.', instructions: '' },
  settings: { ...DEFAULT_SETTINGS, maxQuestions: 2 },
};

async function settle(session: InterviewSession): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await session.flushed();
}

describe('InterviewSession', () => {
  it('saves the snapshot at every step, as plain JSON, and marks the record concluded at the end', async () => {
    const saved: InterviewRecord[] = [];
    const session = InterviewSession.start(input, { machine, save: async (record) => void saved.push(record) });
    await settle(session);
    expect(session.snapshot.value).toBe('awaitingAnswer');
    expect(saved.at(-1)).toMatchObject({ id: 'interview-1', concluded: false });
    expect(JSON.parse(JSON.stringify(saved.at(-1)?.snapshot))).toEqual(saved.at(-1)?.snapshot);

    session.send({ type: 'ANSWER_DRAFTED', text: 'half an answer' });
    await settle(session);
    expect((saved.at(-1)?.snapshot as { context: { draftAnswer: string } }).context.draftAnswer).toBe('half an answer');

    session.send({ type: 'ANSWER_SUBMITTED', text: 'My answer.' });
    await settle(session);
    session.send({ type: 'ANSWER_SUBMITTED', text: 'My second answer.' });
    await settle(session);
    expect(session.snapshot.value).toBe('concluded');
    expect(saved.at(-1)?.concluded).toBe(true);
    session.dispose();
  });

  it('resumes a saved interview where it was, draft included, without re-asking', async () => {
    const saved: InterviewRecord[] = [];
    const first = InterviewSession.start(input, { machine, save: async (record) => void saved.push(record) });
    await settle(first);
    first.send({ type: 'ANSWER_DRAFTED', text: 'kept across the reload' });
    await settle(first);
    first.dispose();

    const restored = InterviewSession.restore(saved.at(-1)!, { machine, save: async (record) => void saved.push(record) });
    await settle(restored);
    expect(restored.snapshot.value).toBe('awaitingAnswer');
    expect(restored.snapshot.context.draftAnswer).toBe('kept across the reload');
    expect(restored.snapshot.context.transcript).toHaveLength(1);
    restored.dispose();
  });

  it('starts an interview saved before its START landed (a reload right after Start)', async () => {
    const saved: InterviewRecord[] = [];
    const first = InterviewSession.start(input, { machine, save: async (record) => void saved.push(record) });
    await settle(first);
    first.dispose();
    const beforeStart = saved.find((record) => (record.snapshot as { value: string }).value === 'idle');
    expect(beforeStart).toBeDefined();

    const restored = InterviewSession.restore(beforeStart!, { machine, save: async (record) => void saved.push(record) });
    await settle(restored);
    expect(restored.snapshot.value).toBe('awaitingAnswer');
    expect(restored.snapshot.context.transcript).toHaveLength(1);
    restored.dispose();
  });

  it('keeps an answer taken back as a draft again, in the synchronous copy too', async () => {
    // The next question never streams, so the answer just sent can still be taken back.
    const thinking = interviewMachine.provide({
      actors: {
        analyzeDocuments: fromPromise<InterviewPlan, AnalysisInput>(async () => planWith(['Payments'], 'Probe payments depth.')),
        streamTurn: fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
          sendBack({ type: 'TURN_STARTED' } satisfies TurnEvent);
          if (input.kind === 'question') return;
          sendBack({ type: 'TURN_DELTA', text: 'Welcome?' } satisfies TurnEvent);
          sendBack({ type: 'TURN_DONE' } satisfies TurnEvent);
        }),
      },
    });
    const copies = new Map<string, string>();
    const draftBackup = { write: (id: string, text: string) => void copies.set(id, text), read: (id: string) => copies.get(id), clear: (id: string) => void copies.delete(id) };
    const saved: InterviewRecord[] = [];
    const session = InterviewSession.start(input, { machine: thinking, save: async (record) => void saved.push(record), draftBackup });
    await settle(session);
    session.send({ type: 'ANSWER_DRAFTED', text: 'Half of what I meant' });
    session.send({ type: 'ANSWER_SUBMITTED', text: 'Half of what I meant' });
    expect(copies.has('interview-1')).toBe(false);

    session.send({ type: 'ANSWER_WITHDRAWN' });
    await settle(session);
    expect(session.snapshot.value).toBe('awaitingAnswer');
    expect(copies.get('interview-1')).toBe('Half of what I meant');
    const last = saved.at(-1)!.snapshot as { value: string; context: { draftAnswer: string; transcript: unknown[] } };
    expect([last.value, last.context.draftAnswer, last.context.transcript.length]).toEqual(['awaitingAnswer', 'Half of what I meant', 1]);
    session.dispose();
  });

  it('keeps a synchronous copy of the unsent answer and prefers it on restore when the save did not land', async () => {
    const copies = new Map<string, string>();
    const draftBackup = { write: (id: string, text: string) => void copies.set(id, text), read: (id: string) => copies.get(id), clear: (id: string) => void copies.delete(id) };
    const saved: InterviewRecord[] = [];
    const first = InterviewSession.start(input, { machine, save: async (record) => void saved.push(record), draftBackup });
    await settle(first);
    const beforeTyping = saved.at(-1)!;
    first.send({ type: 'ANSWER_DRAFTED', text: 'typed just before the tab closed' });
    expect(copies.get('interview-1')).toBe('typed just before the tab closed');
    first.dispose();

    const restored = InterviewSession.restore(beforeTyping, { machine, save: async () => undefined, draftBackup });
    await settle(restored);
    expect(restored.snapshot.context.draftAnswer).toBe('typed just before the tab closed');
    restored.send({ type: 'ANSWER_SUBMITTED', text: 'typed just before the tab closed' });
    expect(copies.has('interview-1')).toBe(false);
    restored.dispose();
  });

  it('says when the device will not save, and goes on', async () => {
    const session = InterviewSession.start(input, {
      machine,
      save: async () => {
        throw new Error('quota exceeded');
      },
    });
    await settle(session);
    expect(session.saveError).toMatch(/could not be saved on this device \(quota exceeded\)/);
    expect(session.snapshot.value).toBe('awaitingAnswer');
    session.dispose();
  });

  it('names a full device as such', async () => {
    const session = InterviewSession.start(input, {
      machine,
      save: async () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    await settle(session);
    expect(session.saveError).toMatch(/out of storage space, so this interview is not being saved/);
    session.dispose();
  });
});
