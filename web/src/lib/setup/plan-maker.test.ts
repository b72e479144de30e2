// The background plan maker with a fake call and fake timers: one call after a pause, cancelled and made again when
// the documents change, never replacing a plan the candidate shaped, failures shown with a retry.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type AnalysisInput, type InterviewPlan } from '../interview/index.ts';
import { renameTopic } from '../interview/plan-edit.ts';
import { planWith } from '../interview/testdata/plans.ts';
import { LlmError } from '../llm/index.ts';
import { PLAN_PAUSE_MS, PlanMaker } from './plan-maker.svelte.ts';
import { draftPlan } from './plan-draft.ts';
import { SetupState } from './setup-state.svelte.ts';

function harness() {
  const setup = new SetupState({ extract: () => Promise.reject(new Error('no files here')), load: async () => undefined, save: async () => undefined });
  const calls: { input: AnalysisInput; signal: AbortSignal }[] = [];
  const results: (InterviewPlan | Error)[] = [];
  const maker = new PlanMaker(setup, {
    make: async (input, signal) => {
      calls.push({ input, signal });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const result = results.shift() ?? planWith([`Topic from ${input.documents.resume}`]);
      if (result instanceof Error) throw result;
      return result;
    },
  });
  const sync = () => maker.sync(DEFAULT_SETTINGS, null);
  const type = (resume: string) => {
    setup.setText('resume', resume);
    sync();
  };
  return { setup, maker, calls, results, sync, type };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('PlanMaker', () => {
  it('waits for both documents, then for a pause in typing, and spends one call', async () => {
    const { setup, maker, calls, sync, type } = harness();
    sync();
    expect(maker.status).toEqual({ kind: 'waiting-for-documents' });
    setup.setText('jobDescription', 'Senior Backend Engineer at Acme.');
    for (const text of ['J', 'Ja', 'Jan', 'Jane', 'Jane Doe, Kafka']) {
      type(text);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(maker.status).toEqual({ kind: 'making' });
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toMatchObject({ documents: { resume: 'Jane Doe, Kafka' }, profile: { interviewType: 'mixed', level: 'senior' }, settings: DEFAULT_SETTINGS });
    await vi.advanceTimersByTimeAsync(500);
    expect(maker.status).toEqual({ kind: 'ready' });
    expect(draftPlan(setup.draft)?.topics[0]?.name).toBe('Topic from Jane Doe, Kafka');
    sync();
    await vi.advanceTimersByTimeAsync(10 * PLAN_PAUSE_MS);
    expect(calls).toHaveLength(1);
  });

  it('cancels a call in flight when a document changes, and makes the plan for the new text', async () => {
    const { setup, calls, type } = harness();
    setup.setText('jobDescription', 'Backend Engineer.');
    type('Jane Doe, Kafka');
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 100);
    expect(calls).toHaveLength(1);
    type('Jane Doe, Kafka and Go');
    expect(calls[0]?.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    expect(calls).toHaveLength(2);
    expect(draftPlan(setup.draft)?.topics[0]?.name).toBe('Topic from Jane Doe, Kafka and Go');
    expect(setup.draft.plan?.edited).toBe(false);
  });

  it('makes a new plan when the type or level changes while the plan is unshaped', async () => {
    const { setup, maker, calls, type, sync } = harness();
    setup.setText('jobDescription', 'Backend Engineer.');
    type('Jane Doe, Kafka');
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    setup.setInterviewType('behavioural');
    sync();
    expect(maker.status).toEqual({ kind: 'making' });
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    expect(calls.map((call) => call.input.profile.interviewType)).toEqual(['mixed', 'behavioural']);
  });

  it('never replaces a plan the candidate shaped: it says it is outdated and makes a new one only when asked', async () => {
    const { setup, maker, calls, type, results } = harness();
    setup.setText('jobDescription', 'Backend Engineer.');
    type('Jane Doe, Kafka');
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    setup.editPlan((plan) => renameTopic(plan, 't1', 'My own topic'));
    type('Jane Doe, Kafka, Go');
    expect(maker.status).toEqual({ kind: 'outdated' });
    await vi.advanceTimersByTimeAsync(10 * PLAN_PAUSE_MS);
    expect(calls).toHaveLength(1);
    expect(draftPlan(setup.draft)?.topics[0]?.name).toBe('My own topic');
    results.push(planWith(['Fresh']));
    maker.remake();
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(2);
    expect(draftPlan(setup.draft)?.topics[0]?.name).toBe('Fresh');
    expect(setup.draft.plan?.edited).toBe(false);
  });

  it('says plainly when the call fails, does not call again on its own, and retries at once when asked', async () => {
    const { setup, maker, calls, type, results, sync } = harness();
    results.push(new LlmError('network', 'fetch failed'));
    setup.setText('jobDescription', 'Backend Engineer.');
    type('Jane Doe, Kafka');
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    expect(maker.status).toMatchObject({ kind: 'failed', message: new LlmError('network', 'x').userMessage });
    sync();
    await vi.advanceTimersByTimeAsync(10 * PLAN_PAUSE_MS);
    expect(calls).toHaveLength(1);
    maker.retry();
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(2);
    expect(maker.status).toEqual({ kind: 'ready' });
  });

  it('waits while the server cannot make a plan, and stops everything when cancelled', async () => {
    const { setup, maker, calls } = harness();
    setup.setText('jobDescription', 'Backend Engineer.');
    setup.setText('resume', 'Jane Doe, Kafka');
    maker.sync(null, 'Enter the access token above to start.');
    expect(maker.status).toEqual({ kind: 'unavailable', reason: 'Enter the access token above to start.' });
    maker.sync(DEFAULT_SETTINGS, null);
    maker.cancel();
    await vi.advanceTimersByTimeAsync(10 * PLAN_PAUSE_MS);
    expect(calls).toHaveLength(0);
  });

  it('makes nothing between Start and the interview, whatever changes, and picks up again when released', async () => {
    const { setup, maker, calls, sync, type } = harness();
    setup.setText('jobDescription', 'Backend Engineer.');
    type('Jane Doe, Kafka');
    maker.hold();
    type('Jane Doe, Kafka and Go');
    sync();
    await vi.advanceTimersByTimeAsync(10 * PLAN_PAUSE_MS);
    expect(calls).toHaveLength(0);
    maker.release();
    expect(maker.status).toEqual({ kind: 'making' });
    await vi.advanceTimersByTimeAsync(PLAN_PAUSE_MS + 600);
    expect(calls).toHaveLength(1);
    expect(draftPlan(setup.draft)?.topics[0]?.name).toBe('Topic from Jane Doe, Kafka and Go');
  });
});
