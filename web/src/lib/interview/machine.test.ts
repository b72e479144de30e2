// The interview machine driven through createActor with scripted fake actors and fake timers: no UI, no network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActor, fromCallback, fromPromise, type Actor, type EventObject } from 'xstate';
import { AnalysisError } from './analysis.ts';
import { interviewMachine, type InterviewInput } from './machine.ts';
import { FALLBACK_CLOSING } from './prompts.ts';
import { selectCurrentQuestion, selectStatus, selectTimeLimit, selectTimings, selectTranscript } from './selectors.ts';
import { FINISH_GRACE_MS } from './time-limit.ts';
import type { AnalysisInput, TurnEvent, TurnInput } from './turn.ts';
import { planWith } from './testdata/plans.ts';
import { DEFAULT_PROFILE, DEFAULT_SETTINGS, type InterviewPlan, type InterviewSettings, type TurnDecision } from './types.ts';

const T0 = Date.UTC(2025, 0, 6, 10, 0, 0);
const STEP_MS = 10;
const PLAN: InterviewPlan = planWith(['Python', 'Leadership', 'System design'], 'Probe Python depth and leadership.');
const NAMES = PLAN.topics.map((topic) => topic.name);

/** One step of a scripted turn; each is sent STEP_MS after the previous one. 'hang' stops the script there. */
type Step = { decision: TurnDecision } | { delta: string } | { fail: string; retryable: boolean } | 'done' | 'hang';

/** The reply a fake model gives when no script is queued. */
function defaultScript(input: TurnInput): Step[] {
  switch (input.kind) {
    case 'introduction':
      return [{ delta: 'Welcome! ' }, { delta: 'Tell me about yourself.' }, 'done'];
    case 'question':
      return [{ decision: 'NEXT_TOPIC' }, { delta: `What about ${input.nextTopic.name}?` }, 'done'];
    case 'closing':
      return [{ delta: 'Thank you. You can read the transcript now.' }, 'done'];
  }
}

function eventOf(step: Exclude<Step, 'hang'>): TurnEvent {
  if (step === 'done') return { type: 'TURN_DONE' };
  if ('decision' in step) return { type: 'TURN_DECISION', decision: step.decision };
  if ('delta' in step) return { type: 'TURN_DELTA', text: step.delta };
  return { type: 'TURN_FAILED', message: step.fail, retryable: step.retryable };
}

/** A fake streamTurn that plays queued scripts (or the default reply) on fake timers and records its inputs. */
function scriptedTurns(scripts: Step[][] = []) {
  const inputs: TurnInput[] = [];
  let stops = 0;
  const logic = fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
    inputs.push(input);
    const script = scripts.shift() ?? defaultScript(input);
    const timers: ReturnType<typeof setTimeout>[] = [];
    sendBack({ type: 'TURN_STARTED' } satisfies TurnEvent);
    let delay = 0;
    for (const step of script) {
      if (step === 'hang') break;
      delay += STEP_MS;
      timers.push(setTimeout(() => sendBack(eventOf(step)), delay));
    }
    return () => {
      stops++;
      for (const timer of timers) clearTimeout(timer);
    };
  });
  return {
    logic,
    inputs,
    scripts,
    get stops() {
      return stops;
    },
  };
}

/** A fake analyzeDocuments that answers each call with the next queued result (the plan once they run out). */
function scriptedAnalysis(results: (InterviewPlan | Error)[] = []) {
  const inputs: AnalysisInput[] = [];
  const logic = fromPromise<InterviewPlan, AnalysisInput>(async ({ input }) => {
    inputs.push(input);
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    const result = results.shift() ?? PLAN;
    if (result instanceof Error) throw result;
    return result;
  });
  return { logic, inputs };
}

function inputWith(settings: Partial<InterviewSettings> = {}): InterviewInput {
  return {
    id: 'iv1',
    documents: { resume: 'Jane Doe, Python developer', jobDescription: 'Senior Python developer', instructions: 'Focus on leadership' },
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}

function start(options: { settings?: Partial<InterviewSettings>; scripts?: Step[][]; analysis?: (InterviewPlan | Error)[]; plan?: InterviewPlan } = {}) {
  const turns = scriptedTurns(options.scripts);
  const analysis = scriptedAnalysis(options.analysis);
  const machine = interviewMachine.provide({ actors: { streamTurn: turns.logic, analyzeDocuments: analysis.logic } });
  const actor = createActor(machine, { input: { ...inputWith(options.settings), ...(options.plan ? { plan: options.plan } : {}) } });
  actor.start();
  return { actor, turns, analysis, machine };
}

type InterviewActor = Actor<typeof interviewMachine>;

/** Lets every pending fake step run. */
async function settle(ms = 1_000): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

async function answer(actor: InterviewActor, text: string): Promise<void> {
  actor.send({ type: 'ANSWER_SUBMITTED', text });
  await settle();
}

function interviewerEntries(actor: InterviewActor) {
  return selectTranscript(actor.getSnapshot()).filter((entry) => entry.role === 'interviewer');
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the interview machine', () => {
  it('waits for START, analyses, streams the introduction, then rotates topics across answers', async () => {
    const { actor, turns, analysis } = start();
    expect(actor.getSnapshot().value).toBe('idle');
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toBe('analyzing');
    expect(analysis.inputs).toEqual([{ documents: inputWith().documents, settings: inputWith().settings, profile: DEFAULT_PROFILE }]);
    await vi.advanceTimersByTimeAsync(STEP_MS);
    expect(actor.getSnapshot().value).toBe('asking');
    await vi.advanceTimersByTimeAsync(STEP_MS);
    expect(selectCurrentQuestion(actor.getSnapshot())).toEqual({ id: 'iv1-0', text: 'Welcome! ', streaming: true });
    expect(selectTranscript(actor.getSnapshot())).toEqual([]);
    await settle();
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(selectCurrentQuestion(actor.getSnapshot())).toEqual({ id: 'iv1-0', text: 'Welcome! Tell me about yourself.', streaming: false });
    expect(turns.inputs[0]).toMatchObject({ kind: 'introduction', topics: NAMES, maxQuestions: 16 });

    for (const reply of ['I am Jane.', 'Python daily.', 'I led a team.', 'Microservices.']) await answer(actor, reply);

    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('awaitingAnswer');
    expect(interviewerEntries(actor).map((entry) => [entry.kind, entry.topic])).toEqual([
      ['introduction', null],
      ['new-topic', 'Python'],
      ['new-topic', 'Leadership'],
      ['new-topic', 'System design'],
      ['new-topic', 'Python'],
    ]);
    expect(turns.inputs.slice(1).map((input) => input.kind === 'question' && [input.currentTopic?.name ?? null, input.nextTopic.name, input.followUpAllowed])).toEqual([
      [null, 'Python', false],
      ['Python', 'Leadership', true],
      ['Leadership', 'System design', true],
      ['System design', 'Python', true],
    ]);
    const transcript = selectTranscript(snapshot);
    expect(transcript.map((entry) => entry.id)).toEqual(Array.from({ length: 9 }, (_, i) => `iv1-${String(i)}`));
    expect(transcript.filter((entry) => entry.role === 'candidate').map((entry) => entry.text)).toEqual(['I am Jane.', 'Python daily.', 'I led a team.', 'Microservices.']);
    expect(selectStatus(snapshot)).toMatchObject({ phase: 'awaiting-answer', questionsAsked: 5, maxQuestions: 16, topic: 'Python', concluded: false, error: null });
    expect(snapshot.context.lastDecision).toBe('NEXT_TOPIC');
  });

  it('caps follow-ups per topic: a third FOLLOW_UP is not offered, and is ignored if the model sends it', async () => {
    const followUp = (text: string): Step[] => [{ decision: 'FOLLOW_UP' }, { delta: text }, 'done'];
    const { actor, turns } = start({
      scripts: [[{ delta: 'Hi, introduce yourself.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Python?' }, 'done'], followUp('Why?'), followUp('Why exactly?'), followUp('Leadership then?')],
    });
    actor.send({ type: 'START' });
    await settle();
    for (const reply of ['Jane.', 'Yes.', 'Because.', 'Reasons.']) await answer(actor, reply);

    expect(interviewerEntries(actor).map((entry) => [entry.kind, entry.topic, entry.text])).toEqual([
      ['introduction', null, 'Hi, introduce yourself.'],
      ['new-topic', 'Python', 'Python?'],
      ['follow-up', 'Python', 'Why?'],
      ['follow-up', 'Python', 'Why exactly?'],
      ['new-topic', 'Leadership', 'Leadership then?'],
    ]);
    const last = turns.inputs[4];
    expect(last).toMatchObject({ kind: 'question', currentTopic: { name: 'Python' }, nextTopic: { name: 'Leadership' }, followUpAllowed: false, followUpsUsed: 2 });
    expect(actor.getSnapshot().context.followUpsByTopic).toEqual({ t1: 2 });
    expect(actor.getSnapshot().context.lastDecision).toBe('NEXT_TOPIC');
    expect(selectStatus(actor.getSnapshot()).topic).toBe('Leadership');
  });

  it('closes warmly at the question limit and ends concluded', async () => {
    const { actor, turns } = start({ settings: { maxQuestions: 3 } });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    await answer(actor, 'two');
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'three' });
    expect(actor.getSnapshot().value).toBe('concluding');
    await settle();

    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('concluded');
    expect(snapshot.status).toBe('done');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'question-limit', questionsAsked: 3 });
    const transcript = selectTranscript(snapshot);
    expect(transcript.at(-2)).toMatchObject({ role: 'candidate', text: 'three' });
    expect(transcript.at(-1)).toMatchObject({ role: 'interviewer', kind: 'closing', text: 'Thank you. You can read the transcript now.' });
    expect(selectStatus(snapshot)).toMatchObject({ phase: 'concluded', concluded: true, questionsAsked: 3 });
  });

  it('closes at the time limit, and the elapsed time stops at the end', async () => {
    const { actor, turns } = start();
    actor.send({ type: 'START' });
    await settle();
    const startedAt = actor.getSnapshot().context.startedAt ?? 0;
    await answer(actor, 'one');
    vi.setSystemTime(startedAt + 45 * 60_000 + 1);
    await answer(actor, 'two, after a long pause');
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'time-limit', questionsAsked: 2, elapsedMinutes: 45 });
    const status = selectStatus(actor.getSnapshot(), startedAt + 90 * 60_000);
    expect(status.limitMs).toBe(45 * 60_000);
    // The clock is fake: the elapsed time is exactly the end mark minus the start, not the later `now`.
    expect(status.elapsedMs).toBe((actor.getSnapshot().context.endedAt ?? 0) - startedAt);
    expect(status.elapsedMs).toBeGreaterThanOrEqual(45 * 60_000);
  });

});

describe('the time limit while an answer is awaited', () => {
  /** An interview whose introduction was answered once and whose second question awaits an answer. */
  async function awaitingSecondAnswer(settings: Partial<InterviewSettings> = { maxMinutes: 10 }) {
    const started = start({ settings });
    started.actor.send({ type: 'START' });
    await settle();
    await answer(started.actor, 'one');
    const startedAt = started.actor.getSnapshot().context.startedAt ?? 0;
    return { ...started, startedAt, limitAt: startedAt + (settings.maxMinutes ?? 45) * 60_000 };
  }

  /** Moves the fake clock to `at`, ticking on the way. */
  async function advanceTo(at: number): Promise<void> {
    await vi.advanceTimersByTimeAsync(Math.max(0, at - Date.now()));
  }

  it('warns five minutes before, notices the limit without an answer being sent, and gives a short grace', async () => {
    const { actor, limitAt } = await awaitingSecondAnswer();
    await advanceTo(limitAt - 5 * 60_000 - 1000);
    expect(selectTimeLimit(actor.getSnapshot(), Date.now()).stage).toBe('running');
    await advanceTo(limitAt - 5 * 60_000 + 1000);
    expect(selectTimeLimit(actor.getSnapshot(), Date.now())).toMatchObject({ stage: 'warning', graceLeftMs: null });
    await advanceTo(limitAt + 1500);
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(actor.getSnapshot().context.overtimeSince).not.toBeNull();
    const view = selectTimeLimit(actor.getSnapshot(), Date.now());
    expect(view).toMatchObject({ stage: 'overtime', waitingForSpeech: false });
    expect(view.graceLeftMs).toBeGreaterThan(FINISH_GRACE_MS - 3000);
  });

  it('closes with nothing added when the candidate wrote nothing within the grace', async () => {
    const { actor, turns, limitAt } = await awaitingSecondAnswer();
    await advanceTo(limitAt + FINISH_GRACE_MS - 2000);
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    await advanceTo(limitAt + FINISH_GRACE_MS + 2000);
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'time-limit', questionsAsked: 2 });
    expect(selectTranscript(actor.getSnapshot()).filter((entry) => entry.role === 'candidate').map((entry) => entry.text)).toEqual(['one']);
  });

  it('takes the typed draft as the answer when the grace is over', async () => {
    const { actor, turns, limitAt } = await awaitingSecondAnswer();
    await advanceTo(limitAt + 3000);
    actor.send({ type: 'ANSWER_DRAFTED', text: 'I would shard by tenant, then ' });
    await advanceTo(limitAt + FINISH_GRACE_MS + 2000);
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
    const candidate = selectTranscript(actor.getSnapshot()).filter((entry) => entry.role === 'candidate');
    expect(candidate.at(-1)).toMatchObject({ text: 'I would shard by tenant, then' });
    expect(actor.getSnapshot().context.draftAnswer).toBe('');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'time-limit' });
  });

  it('closes at once when the candidate sends their answer within the grace', async () => {
    const { actor, turns, limitAt } = await awaitingSecondAnswer();
    await advanceTo(limitAt + 5000);
    await answer(actor, 'done in time');
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'time-limit' });
  });

  it('waits for a spoken sentence to end, past the grace, then takes it with its timing', async () => {
    const { actor, limitAt } = await awaitingSecondAnswer();
    actor.send({ type: 'ANSWERING_ALOUD', busy: true });
    await advanceTo(limitAt + FINISH_GRACE_MS + 10_000);
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(selectTimeLimit(actor.getSnapshot(), Date.now())).toMatchObject({ stage: 'overtime', waitingForSpeech: true });
    const listening = { speechEndAt: Date.now() - 400, transcriptReadyAt: Date.now(), spokenSeconds: 6.2, audioSecondsSent: 7.1 };
    actor.send({ type: 'ANSWER_DRAFTED', text: 'and that is how we cut the latency.' });
    actor.send({ type: 'ANSWERING_ALOUD', busy: false, listening });
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
    const last = selectTranscript(actor.getSnapshot()).filter((entry) => entry.role === 'candidate').at(-1);
    expect(last).toMatchObject({ text: 'and that is how we cut the latency.', listening });
  });

  it('a spoken sentence that lands within the grace closes at once', async () => {
    const { actor, limitAt } = await awaitingSecondAnswer();
    await advanceTo(limitAt + 2000);
    actor.send({ type: 'ANSWERING_ALOUD', busy: true });
    await advanceTo(limitAt + 5000);
    actor.send({ type: 'ANSWER_DRAFTED', text: 'One last point.' });
    actor.send({ type: 'ANSWERING_ALOUD', busy: false });
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
  });

  it('before the limit, a spoken take landing changes nothing', async () => {
    const { actor } = await awaitingSecondAnswer();
    actor.send({ type: 'ANSWERING_ALOUD', busy: true });
    actor.send({ type: 'ANSWER_DRAFTED', text: 'Spoken, to edit.' });
    actor.send({ type: 'ANSWERING_ALOUD', busy: false });
    await settle();
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(actor.getSnapshot().context.draftAnswer).toBe('Spoken, to edit.');
  });
});

describe('the interview machine, continued', () => {
  it('END_REQUESTED while awaiting an answer closes the interview', async () => {
    const { actor, turns } = start();
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    actor.send({ type: 'END_REQUESTED' });
    expect(actor.getSnapshot().value).toBe('concluding');
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'ended', questionsAsked: 2 });
    expect(selectTranscript(actor.getSnapshot()).at(-1)).toMatchObject({ kind: 'closing' });
  });

  it('END_REQUESTED while a question streams stops it and never commits the partial question', async () => {
    const { actor, turns } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Half a que' }, 'hang']] });
    actor.send({ type: 'START' });
    await settle();
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'one' });
    await settle();
    expect(selectCurrentQuestion(actor.getSnapshot())).toEqual({ id: 'iv1-2', text: 'Half a que', streaming: true });
    const stopsBefore = turns.stops;
    actor.send({ type: 'END_REQUESTED' });
    expect(turns.stops).toBe(stopsBefore + 1);
    await settle();
    const transcript = selectTranscript(actor.getSnapshot());
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(transcript.map((entry) => entry.text)).toEqual(['Hi.', 'one', 'Thank you. You can read the transcript now.']);
    expect(transcript.map((entry) => entry.id)).toEqual(['iv1-0', 'iv1-1', 'iv1-2']);
  });

  it('retries an invalid analysis twice and goes on when the third is valid', async () => {
    const invalid = () => new AnalysisError('invalid-json', 'not JSON');
    const { actor, analysis } = start({ analysis: [invalid(), invalid(), PLAN] });
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(STEP_MS);
    expect(actor.getSnapshot().value).toBe('analyzing');
    expect(selectStatus(actor.getSnapshot()).retrying).toEqual({ attempt: 1, delayMs: 0 });
    await settle();
    expect(analysis.inputs).toHaveLength(3);
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(actor.getSnapshot().context.plan).toEqual(PLAN);
    expect(selectStatus(actor.getSnapshot()).retrying).toBeNull();
  });

  it('fails after three invalid analyses, says why, and RETRY starts over', async () => {
    const invalid = () => new AnalysisError('invalid-shape', 'no topics');
    const { actor, analysis } = start({ analysis: [invalid(), invalid(), invalid()] });
    actor.send({ type: 'START' });
    await settle();
    expect(analysis.inputs).toHaveLength(3);
    expect(actor.getSnapshot().value).toBe('failed');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'failed', error: invalid().userMessage, retrying: null });

    actor.send({ type: 'RETRY' });
    expect(actor.getSnapshot().value).toBe('analyzing');
    await settle();
    expect(analysis.inputs).toHaveLength(4);
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(selectStatus(actor.getSnapshot()).error).toBeNull();
  });

  it('does not retry an analysis that cannot succeed', async () => {
    const refused = Object.assign(new Error('401'), { retryable: false, userMessage: 'Enter your access token.' });
    const { actor, analysis } = start({ analysis: [refused] });
    actor.send({ type: 'START' });
    await settle();
    expect(analysis.inputs).toHaveLength(1);
    expect(selectStatus(actor.getSnapshot()).error).toBe('Enter your access token.');
  });

  it('retries a turn that failed mid-stream, discarding its partial text, without a duplicate entry', async () => {
    const { actor, turns } = start({
      scripts: [[{ delta: 'Welcome, tell me ab' }, { fail: 'The connection was lost.', retryable: true }], [{ delta: 'Welcome! Tell me about yourself.' }, 'done']],
    });
    actor.send({ type: 'START' });
    await vi.advanceTimersByTimeAsync(2 * STEP_MS);
    expect(selectCurrentQuestion(actor.getSnapshot())?.text).toBe('Welcome, tell me ab');
    await vi.advanceTimersByTimeAsync(STEP_MS);
    expect(actor.getSnapshot().value).toBe('asking');
    expect(selectStatus(actor.getSnapshot()).retrying).toEqual({ attempt: 1, delayMs: 0 });
    expect(selectCurrentQuestion(actor.getSnapshot())?.text).toBe('');
    await settle();
    expect(turns.inputs).toHaveLength(2);
    expect(turns.inputs[1]).toEqual(turns.inputs[0]);
    expect(selectTranscript(actor.getSnapshot())).toEqual([
      { id: 'iv1-0', role: 'interviewer', kind: 'introduction', text: 'Welcome! Tell me about yourself.', topic: null, topicId: null, at: expect.any(Number) as number },
    ]);
    expect(selectTimings(actor.getSnapshot())[0]?.attempts).toBe(2);
    expect(selectStatus(actor.getSnapshot()).retrying).toBeNull();
  });

  it('goes to failed when retries run out, and RETRY asks the same question again', async () => {
    const drop: Step[] = [{ decision: 'NEXT_TOPIC' }, { delta: 'Part' }, { fail: 'The model is busy.', retryable: true }];
    const { actor, turns } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], drop, [...drop], [...drop]] });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    expect(actor.getSnapshot().value).toBe('failed');
    expect(turns.inputs).toHaveLength(4);
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'failed', error: 'The model is busy.', retrying: null });
    expect(selectTranscript(actor.getSnapshot())).toHaveLength(2);

    actor.send({ type: 'RETRY' });
    await settle();
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(turns.inputs[4]).toEqual(turns.inputs[1]);
    expect(selectTranscript(actor.getSnapshot()).map((entry) => entry.text)).toEqual(['Hi.', 'one', 'What about Python?']);
    expect(selectTimings(actor.getSnapshot())[1]).toMatchObject({ questionId: 'iv1-2', attempts: 1 });
  });

  it('does not retry a turn that cannot succeed', async () => {
    const { actor, turns } = start({ scripts: [[{ fail: 'Enter your access token.', retryable: false }]] });
    actor.send({ type: 'START' });
    await settle();
    expect(turns.inputs).toHaveLength(1);
    expect(selectStatus(actor.getSnapshot()).error).toBe('Enter your access token.');
  });

  it('treats an empty reply as a failed try', async () => {
    const { actor, turns } = start({ scripts: [[{ delta: ' ** ' }, 'done']] });
    actor.send({ type: 'START' });
    await settle();
    expect(turns.inputs).toHaveLength(2);
    expect(interviewerEntries(actor).map((entry) => entry.text)).toEqual(['Welcome! Tell me about yourself.']);
  });

  it('concludes with the app’s own closing when the closing cannot be produced', async () => {
    const down: Step[] = [{ fail: 'Offline.', retryable: true }];
    const { actor } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], down, [...down], [...down]] });
    actor.send({ type: 'START' });
    await settle();
    actor.send({ type: 'END_REQUESTED' });
    await settle();
    expect(actor.getSnapshot().value).toBe('concluded');
    expect(selectTranscript(actor.getSnapshot()).at(-1)).toMatchObject({ kind: 'closing', text: FALLBACK_CLOSING });
  });

  it('keeps the draft answer and ignores empty submissions', async () => {
    const { actor } = start();
    actor.send({ type: 'START' });
    await settle();
    actor.send({ type: 'ANSWER_DRAFTED', text: 'I think' });
    expect(actor.getSnapshot().context.draftAnswer).toBe('I think');
    actor.send({ type: 'ANSWER_SUBMITTED', text: '   ' });
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    actor.send({ type: 'ANSWER_SUBMITTED', text: ' I think so. ' });
    expect(actor.getSnapshot().context.draftAnswer).toBe('');
    expect(selectTranscript(actor.getSnapshot()).at(-1)).toMatchObject({ role: 'candidate', text: 'I think so.' });
  });

  it('records timing marks per turn', async () => {
    const { actor } = start();
    actor.send({ type: 'START' });
    await settle();
    const startedAt = T0 + STEP_MS;
    expect(selectTimings(actor.getSnapshot())).toEqual([
      { questionId: 'iv1-0', answerSubmittedAt: null, requestSentAt: startedAt, firstTokenAt: startedAt + STEP_MS, lastTokenAt: startedAt + 2 * STEP_MS, attempts: 1 },
    ]);
    vi.setSystemTime(T0 + 60_000);
    await answer(actor, 'one');
    expect(selectTimings(actor.getSnapshot())[1]).toEqual({
      questionId: 'iv1-2',
      answerSubmittedAt: T0 + 60_000,
      requestSentAt: T0 + 60_000,
      firstTokenAt: T0 + 60_000 + STEP_MS,
      lastTokenAt: T0 + 60_000 + 2 * STEP_MS,
      attempts: 1,
    });
  });

  it('passes only the last six messages and the strategy to a question turn', async () => {
    const { actor, turns } = start();
    actor.send({ type: 'START' });
    await settle();
    for (const reply of ['a1', 'a2', 'a3', 'a4']) await answer(actor, reply);
    const input = turns.inputs.at(-1);
    expect(input).toMatchObject({ kind: 'question', strategy: PLAN.strategy, questionNumber: 5 });
    if (input?.kind !== 'question') throw new Error('expected a question turn');
    expect(input.recent).toHaveLength(6);
    expect(input.recent.at(-1)).toEqual({ role: 'candidate', text: 'a4' });
    expect(input.recent[0]).toEqual({ role: 'interviewer', text: 'What about Python?' });
    expect(input.recent.map((message) => message.text)).not.toContain('a1');
  });
});

describe('persistence', () => {
  function roundTrip(actor: InterviewActor): unknown {
    const persisted = actor.getPersistedSnapshot();
    const json = JSON.parse(JSON.stringify(persisted)) as unknown;
    expect(json).toEqual(persisted);
    return json;
  }

  function restore(snapshot: unknown, scripts: Step[][] = []) {
    const turns = scriptedTurns(scripts);
    const analysis = scriptedAnalysis();
    const machine = interviewMachine.provide({ actors: { streamTurn: turns.logic, analyzeDocuments: analysis.logic } });
    // The persisted snapshot comes from storage as unknown; the machine's own snapshot type is what it is.
    const actor = createActor(machine, { snapshot: snapshot as ReturnType<InterviewActor['getPersistedSnapshot']>, input: inputWith() });
    actor.start();
    return { actor, turns, analysis };
  }

  it('restores an interview awaiting an answer exactly, draft included, and goes on from there', async () => {
    const { actor } = start();
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    actor.send({ type: 'ANSWER_DRAFTED', text: 'half of my ans' });
    const json = roundTrip(actor);
    const before = actor.getSnapshot();
    actor.stop();

    const restored = restore(json);
    const after = restored.actor.getSnapshot();
    expect(after.value).toBe('awaitingAnswer');
    expect(after.context).toEqual(before.context);
    expect(after.context.draftAnswer).toBe('half of my ans');
    expect(restored.turns.inputs).toEqual([]);

    await answer(restored.actor, 'half of my answer');
    expect(interviewerEntries(restored.actor).map((entry) => entry.topic)).toEqual([null, 'Python', 'Leadership']);
  });

  it('restores an interview past its time limit with its clock running, and closes it after the grace left', async () => {
    const { actor } = start({ settings: { maxMinutes: 10 } });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    const limitAt = (actor.getSnapshot().context.startedAt ?? 0) + 10 * 60_000;
    await vi.advanceTimersByTimeAsync(limitAt + 5000 - Date.now());
    actor.send({ type: 'ANSWER_DRAFTED', text: 'typed before the reload' });
    const json = roundTrip(actor);
    const overtimeSince = actor.getSnapshot().context.overtimeSince;
    actor.stop();

    const restored = restore(json);
    expect(restored.actor.getSnapshot().context.overtimeSince).toBe(overtimeSince);
    await vi.advanceTimersByTimeAsync((overtimeSince ?? 0) + FINISH_GRACE_MS + 2000 - Date.now());
    await settle();
    expect(restored.actor.getSnapshot().value).toBe('concluded');
    expect(selectTranscript(restored.actor.getSnapshot()).filter((entry) => entry.role === 'candidate').at(-1)?.text).toBe('typed before the reload');
  });

  it('restores a question taken mid-stream by asking it again from scratch, without a duplicate', async () => {
    const { actor, turns } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'What about Py' }, 'hang']] });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    expect(actor.getSnapshot().context.liveQuestion).toBe('What about Py');
    const json = roundTrip(actor);
    const before = actor.getSnapshot().context;
    actor.stop();

    const restored = restore(json, [[{ decision: 'NEXT_TOPIC' }, { delta: 'What about Python?' }, 'done']]);
    expect(restored.actor.getSnapshot().value).toBe('asking');
    expect(restored.turns.inputs).toEqual([turns.inputs[1]]);
    expect(selectCurrentQuestion(restored.actor.getSnapshot())).toEqual({ id: 'iv1-2', text: '', streaming: true });
    await settle();
    const after = restored.actor.getSnapshot();
    expect(after.value).toBe('awaitingAnswer');
    expect(selectTranscript(after).map((entry) => [entry.id, entry.text])).toEqual([
      ['iv1-0', 'Hi.'],
      ['iv1-1', 'one'],
      ['iv1-2', 'What about Python?'],
    ]);
    expect(after.context.transcript.slice(0, 2)).toEqual(before.transcript);
    expect(selectTimings(after).map((timing) => timing.questionId)).toEqual(['iv1-0', 'iv1-2']);
  });

  it('restores an analysis in progress by running it again', async () => {
    const { actor } = start();
    actor.send({ type: 'START' });
    const json = roundTrip(actor);
    actor.stop();
    const restored = restore(json);
    expect(restored.actor.getSnapshot().value).toBe('analyzing');
    await settle();
    expect(restored.analysis.inputs).toHaveLength(1);
    expect(restored.actor.getSnapshot().value).toBe('awaitingAnswer');
  });

  it('restores a concluded interview as concluded', async () => {
    const { actor } = start({ settings: { maxQuestions: 1 } });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'done');
    expect(actor.getSnapshot().value).toBe('concluded');
    const restored = restore(roundTrip(actor));
    expect(restored.actor.getSnapshot().status).toBe('done');
    expect(selectStatus(restored.actor.getSnapshot())).toMatchObject({ phase: 'concluded', concluded: true });
    expect(selectTranscript(restored.actor.getSnapshot())).toHaveLength(3);
  });

  it('starts from a plan made before the start without analysing, and follows its order, names and probes', async () => {
    const shaped: InterviewPlan = { ...planWith(['Python', 'Leadership'], 'Shaped.', { interviewType: 'behavioural', level: 'lead' }) };
    shaped.topics = [{ ...shaped.topics[1]!, name: 'Leading teams' }, shaped.topics[0]!, { id: 'c1', name: 'Negotiation', why: '', requirementIds: [], probes: [] }];
    const { actor, turns, analysis } = start({ plan: shaped });
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toBe('asking');
    await settle();
    expect(analysis.inputs).toEqual([]);
    expect(actor.getSnapshot().context.startedAt).toBe(T0);
    expect(turns.inputs[0]).toMatchObject({ kind: 'introduction', topics: ['Leading teams', 'Python', 'Negotiation'], profile: { interviewType: 'behavioural', level: 'lead' } });
    for (const reply of ['I am Jane.', 'I grew a team from 2 to 6.', 'Python daily.']) await answer(actor, reply);
    expect(turns.inputs.slice(1).map((input) => (input.kind === 'question' ? input.nextTopic : null))).toEqual([
      { name: 'Leading teams', why: 'The role needs Leadership.', requirements: ['Leadership in production'], probes: ['Led the Leadership work at Acme', 'Cut Leadership costs by 30%'] },
      { name: 'Python', why: 'The role needs Python.', requirements: ['Python in production'], probes: ['Led the Python work at Acme', 'Cut Python costs by 30%'] },
      { name: 'Negotiation', why: '', requirements: [], probes: [] },
    ]);
    expect(interviewerEntries(actor).map((entry) => [entry.topic, entry.topicId])).toEqual([
      [null, null],
      ['Leading teams', 't2'],
      ['Python', 't1'],
      ['Negotiation', 'c1'],
    ]);
  });

  it('gives a follow-up turn the current topic’s probes and counts follow-ups by topic id', async () => {
    const { actor, turns } = start({ plan: planWith(['Python', 'Go']), scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Python?' }, 'done'], [{ decision: 'FOLLOW_UP' }, { delta: 'And then?' }, 'done']] });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'Hello.');
    await answer(actor, 'Django.');
    expect(turns.inputs[2]).toMatchObject({ kind: 'question', currentTopic: { name: 'Python', probes: ['Led the Python work at Acme', 'Cut Python costs by 30%'] }, nextTopic: { name: 'Go' }, followUpAllowed: true });
    expect(actor.getSnapshot().context.followUpsByTopic).toEqual({ t1: 1 });
  });
});

describe('taking a sent answer back', () => {
  it('puts the answer back in the box and stops the call while the next question has not begun to stream', async () => {
    const { actor, turns } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], ['hang']] });
    actor.send({ type: 'START' });
    await settle();
    const listening = { speechEndAt: T0 + 500, transcriptReadyAt: T0 + 700, spokenSeconds: 4, audioSecondsSent: 4 };
    actor.send({ type: 'ANSWER_SUBMITTED', text: ' Half an answer ', listening });
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'asking', thinking: true, canWithdraw: true });
    const stopsBefore = turns.stops;

    actor.send({ type: 'ANSWER_WITHDRAWN' });

    const snapshot = actor.getSnapshot();
    expect(snapshot.value).toBe('awaitingAnswer');
    expect(turns.stops).toBe(stopsBefore + 1);
    expect(snapshot.context.draftAnswer).toBe('Half an answer');
    expect(snapshot.context.draftListening).toEqual(listening);
    expect(snapshot.context.turn).toBeNull();
    expect(selectTranscript(snapshot).map((entry) => entry.role)).toEqual(['interviewer']);
    expect(selectStatus(snapshot)).toMatchObject({ canWithdraw: false, thinking: false, mainQuestion: 1 });

    await answer(actor, 'The whole answer.');
    expect(selectTranscript(actor.getSnapshot()).map((entry) => entry.text)).toEqual(['Hi.', 'The whole answer.', 'What about Python?']);
    expect(actor.getSnapshot().context.transcript.map((entry) => entry.id)).toEqual(['iv1-0', 'iv1-1', 'iv1-2']);
  });

  it('is refused once the decision line of the next question has arrived', async () => {
    const { actor } = start({ scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, 'hang']] });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'My answer.');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'asking', canWithdraw: false });
    actor.send({ type: 'ANSWER_WITHDRAWN' });
    expect(actor.getSnapshot().value).toBe('asking');
    expect(selectTranscript(actor.getSnapshot()).map((entry) => entry.role)).toEqual(['interviewer', 'candidate']);
  });

  it('is refused while the introduction streams and once an answer is awaited', async () => {
    const { actor } = start({ scripts: [['hang']] });
    actor.send({ type: 'START' });
    await settle();
    expect(actor.getSnapshot().value).toBe('asking');
    actor.send({ type: 'ANSWER_WITHDRAWN' });
    expect(actor.getSnapshot().value).toBe('asking');
    expect(selectStatus(actor.getSnapshot()).canWithdraw).toBe(false);
  });

  it('takes back the last answer before the closing the question limit brought, but not one the time limit sent', async () => {
    const { actor } = start({ settings: { maxQuestions: 2 }, scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Python?' }, 'done'], ['hang']] });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'one');
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'two' });
    expect(actor.getSnapshot().value).toBe('concluding');
    actor.send({ type: 'ANSWER_WITHDRAWN' });
    expect(actor.getSnapshot().value).toBe('awaitingAnswer');
    expect(actor.getSnapshot().context.draftAnswer).toBe('two');

    const timed = start({ settings: { maxMinutes: 10 }, scripts: [[{ delta: 'Hi.' }, 'done'], ['hang']] });
    timed.actor.send({ type: 'START' });
    await settle();
    timed.actor.send({ type: 'ANSWER_DRAFTED', text: 'typed so far' });
    await vi.advanceTimersByTimeAsync(10 * 60_000 + FINISH_GRACE_MS + 2_000);
    expect(timed.actor.getSnapshot().value).toBe('concluding');
    timed.actor.send({ type: 'ANSWER_WITHDRAWN' });
    expect(timed.actor.getSnapshot().value).toBe('concluding');
  });
});

describe('counting questions', () => {
  it('counts main questions apart from follow-ups, the streaming one once its decision is known', async () => {
    const { actor } = start({
      scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Python?' }, 'done'], [{ decision: 'FOLLOW_UP' }, { delta: 'Why?' }, 'done'], [{ decision: 'NEXT_TOPIC' }, 'hang']],
    });
    actor.send({ type: 'START' });
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ mainQuestion: 0, followUp: false });
    await settle();
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ mainQuestion: 1, followUp: false });
    await answer(actor, 'Jane.');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ mainQuestion: 2, followUp: false, questionsAsked: 2 });
    await answer(actor, 'Yes.');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ mainQuestion: 2, followUp: true, questionsAsked: 3 });
    await answer(actor, 'Because.');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'asking', mainQuestion: 3, followUp: false, thinking: true });
  });

  it('lets follow-ups go beyond the question limit: it closes after the last main question, as the progress line counts', async () => {
    const { actor, turns } = start({
      settings: { maxQuestions: 3 },
      scripts: [[{ delta: 'Hi.' }, 'done'], [{ decision: 'NEXT_TOPIC' }, { delta: 'Python?' }, 'done'], [{ decision: 'FOLLOW_UP' }, { delta: 'Why?' }, 'done'], [{ decision: 'FOLLOW_UP' }, { delta: 'And then?' }, 'done']],
    });
    actor.send({ type: 'START' });
    await settle();
    await answer(actor, 'Jane.');
    await answer(actor, 'Yes.');
    await answer(actor, 'Because.');
    // Four questions asked, two of them follow-ups: still "Question 2 of 3", and the interview goes on.
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'awaiting-answer', mainQuestion: 2, followUp: true, questionsAsked: 4, maxQuestions: 3 });
    await answer(actor, 'Then it shipped.');
    expect(selectStatus(actor.getSnapshot())).toMatchObject({ phase: 'awaiting-answer', mainQuestion: 3, followUp: false });
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'question', questionNumber: 3, maxQuestions: 3 });
    actor.send({ type: 'ANSWER_SUBMITTED', text: 'Leadership answer.' });
    expect(actor.getSnapshot().value).toBe('concluding');
    await settle();
    expect(turns.inputs.at(-1)).toMatchObject({ kind: 'closing', reason: 'question-limit', questionsAsked: 3, followUpsAsked: 2 });
  });
});
