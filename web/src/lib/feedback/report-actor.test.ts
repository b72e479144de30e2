// The report actor: an answer is judged only once the turn after it is in the transcript and speaking (or after a
// grace period without a voice), never more than `concurrency` calls at once; every change is stored, so a new actor
// resumes where a reload left it; waiting sections are tried again when the browser is back online; unavailable ones on Retry.
import { describe, expect, it } from 'vitest';
import type { SpeechTiming, TranscriptEntry } from '../interview/index.ts';
import { LlmError, type LlmRequest } from '../llm/index.ts';
import { ReportActor, type ReportActorDeps } from './report-actor.ts';
import { JUDGE_GRACE_MS } from './schedule.ts';
import type { ReportSubject } from './subject.ts';
import { GOLDEN_ANSWERS } from './testdata/golden.ts';
import { judgedAnswer, judgementReply, requestKind, scriptedModel, type ScriptedAnswer } from './testdata/scripted-model.ts';
import type { ReportRecord } from './types.ts';

const ANSWERS = [GOLDEN_ANSWERS.strong, GOLDEN_ANSWERS['star-no-result'], GOLDEN_ANSWERS['all-we']];

/** An interview of `answered` answers; `next` says whether the question after the last answer is in the transcript yet. */
function subjectAfter(answered: number, options: { closing?: boolean; speaking?: string[] } = {}): ReportSubject {
  const transcript: TranscriptEntry[] = [];
  for (let i = 0; i < answered; i++) {
    transcript.push({ id: `iv-${String(2 * i)}`, role: 'interviewer', kind: 'new-topic', text: `Question ${String(i + 1)}?`, topic: 'T', topicId: 't1', at: i * 100_000 });
    transcript.push({ id: `iv-${String(2 * i + 1)}`, role: 'candidate', text: ANSWERS[i % ANSWERS.length]!, at: i * 100_000 + 50_000 });
  }
  if (options.closing) transcript.push({ id: `iv-${String(2 * answered)}`, role: 'interviewer', kind: 'closing', text: 'Thanks.', topic: null, topicId: null, at: answered * 100_000 });
  const speechTimings: SpeechTiming[] = (options.speaking ?? []).map((questionId) => ({ questionId, engine: 'kokoro', answerSubmittedAt: null, firstTokenAt: null, firstAudioAt: 1, pieces: [] }));
  return {
    interviewId: 'iv',
    model: 'openai:qwen3:8b',
    documents: { resume: 'Jane Doe. Moved billing to Kafka.', jobDescription: 'Engineer.', instructions: '' },
    profile: { interviewType: 'behavioural', level: 'senior' },
    plan: { strategy: '', interviewType: 'behavioural', level: 'senior', requirements: [{ id: 'r1', text: 'Kafka' }], topics: [{ id: 't1', name: 'T', why: '', requirementIds: [], probes: [] }] },
    transcript,
    speechTimings,
    concluded: options.closing ?? false,
  };
}

/** A model whose replies wait until the test releases them, counting how many are in flight. */
function gatedModel(answer: (request: LlmRequest) => ScriptedAnswer = honest) {
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const model = scriptedModel(async (request) => {
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight--;
    return answer(request);
  });
  return { model, release: () => waiting.splice(0).forEach((resolve) => resolve()), mostInFlight: () => mostInFlight, pending: () => waiting.length };
}

function honest(request: LlmRequest): ScriptedAnswer {
  switch (requestKind(request)) {
    case 'judge': {
      const { label, text } = judgedAnswer(request);
      return judgementReply(label, text.startsWith('Last spring') ? 5 : 2, text.split(' ').slice(0, 6).join(' '));
    }
    case 'rewrite':
      return { rewrite: 'I moved billing onto Kafka.', changes: ['Said I.'] };
    case 'practice':
      return { drills: [1, 2, 3].map((n) => ({ title: `Drill ${String(n)}`, why: 'Why.', how: 'How.', turn: 'A1', quote: '' })) };
  }
}

function memoryStorage() {
  const saved = new Map<string, ReportRecord>();
  return { saved, load: async (id: string) => saved.get(id), save: async (record: ReportRecord) => void saved.set(record.interviewId, structuredClone(record)) };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

function actor(deps: Partial<ReportActorDeps> & Pick<ReportActorDeps, 'model'>, clock = { now: 1_000_000 }) {
  const storage = memoryStorage();
  const timers: { at: number; run: () => void }[] = [];
  const instance = new ReportActor('iv', {
    load: storage.load,
    save: storage.save,
    now: () => clock.now,
    setTimer: (run, ms) => timers.push({ at: clock.now + ms, run }),
    clearTimer: () => undefined,
    ...deps,
  });
  return { actor: instance, storage, timers, clock };
}

const statuses = (record: ReportRecord | null | undefined) => Object.fromEntries(Object.entries(record?.answers ?? {}).map(([id, state]) => [id, state.status]));

describe('ReportActor', () => {
  it('judges an answer only once the next question is in the transcript and speaking', async () => {
    const { model, release } = gatedModel();
    const { actor: report } = actor({ model });
    report.update(subjectAfter(1));
    await settle();
    expect(model.requests).toHaveLength(0);

    const next = subjectAfter(1);
    next.transcript.push({ id: 'iv-2', role: 'interviewer', kind: 'new-topic', text: 'Next?', topic: 'T', topicId: 't1', at: 1_000_000 });
    report.update(next);
    await settle();
    expect(model.requests).toHaveLength(0);
    report.update({ ...next, speechTimings: [{ questionId: 'iv-2', engine: 'kokoro', answerSubmittedAt: null, firstTokenAt: null, firstAudioAt: 1, pieces: [] }] });
    await settle();
    expect(model.requests).toHaveLength(1);
    release();
    await settle();
    expect(statuses(report.record)).toEqual({ 'iv-1': 'done' });
  });

  it('judges anyway after a grace period when no voice speaks the next question', async () => {
    const { model } = gatedModel();
    const { actor: report, timers, clock } = actor({ model });
    const next = subjectAfter(1);
    next.transcript.push({ id: 'iv-2', role: 'interviewer', kind: 'new-topic', text: 'Next?', topic: 'T', topicId: 't1', at: clock.now });
    report.update(next);
    await settle();
    expect(model.requests).toHaveLength(0);
    expect(timers.at(-1)?.at).toBe(clock.now + JUDGE_GRACE_MS);
    clock.now += JUDGE_GRACE_MS;
    timers.at(-1)?.run();
    await settle();
    expect(model.requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` calls in flight, then rewrites the weakest and makes the practice plan after the closing', async () => {
    const gate = gatedModel();
    const { actor: report } = actor({ model: gate.model, concurrency: 2 });
    report.update(subjectAfter(3, { closing: true, speaking: ['iv-2', 'iv-4', 'iv-6'] }));
    for (let round = 0; round < 8; round++) {
      await settle();
      gate.release();
    }
    await settle();
    expect(gate.mostInFlight()).toBe(2);
    const record = report.record;
    expect(statuses(record)).toEqual({ 'iv-1': 'done', 'iv-3': 'done', 'iv-5': 'done' });
    expect(Object.keys(record?.rewrites ?? {}).sort()).toEqual(['iv-3', 'iv-5']);
    expect(record?.practice.status).toBe('done');
    expect(gate.model.requests.map(requestKind).filter((kind) => kind === 'practice')).toHaveLength(1);
  });

  it('resumes after a reload from what it stored, without judging an answer twice', async () => {
    const first = gatedModel();
    const { actor: before, storage } = actor({ model: first.model, concurrency: 1 });
    const subject = subjectAfter(2, { closing: true, speaking: ['iv-2', 'iv-4'] });
    before.update(subject);
    await settle();
    first.release();
    await settle();
    before.stop();
    await before.flushed();
    expect(statuses(storage.saved.get('iv'))).toEqual({ 'iv-1': 'done', 'iv-3': 'pending' });

    const second = scriptedModel(honest);
    const after = new ReportActor('iv', { model: second, load: storage.load, save: storage.save });
    after.update(subject);
    for (let i = 0; i < 10; i++) await settle();
    expect(statuses(after.record)).toEqual({ 'iv-1': 'done', 'iv-3': 'done' });
    expect(second.requests.filter((request) => requestKind(request) === 'judge').map((request) => judgedAnswer(request).label)).toEqual(['A2']);
    expect(after.record?.practice.status).toBe('done');
  });

  it('waits while offline and tries again when the browser is back online', async () => {
    let online = false;
    let wake = () => undefined as void;
    const model = scriptedModel((request) => (online ? honest(request) : new LlmError('network', 'offline')));
    const { actor: report } = actor({ model, onOnline: (listener) => ((wake = listener), () => undefined) });
    report.update(subjectAfter(1, { closing: true, speaking: ['iv-2'] }));
    await settle();
    expect(report.record?.answers['iv-1']).toMatchObject({ status: 'waiting', message: expect.any(String) });
    online = true;
    wake();
    for (let i = 0; i < 5; i++) await settle();
    expect(statuses(report.record)).toEqual({ 'iv-1': 'done' });
  });

  it('leaves an unusable section unavailable, with no value, until Retry', async () => {
    let usable = false;
    const model = scriptedModel((request) => (usable ? honest(request) : 'not json'));
    const { actor: report } = actor({ model });
    report.update(subjectAfter(1, { closing: true, speaking: ['iv-2'] }));
    for (let i = 0; i < 3; i++) await settle();
    expect(report.record?.answers['iv-1']).toEqual({ status: 'unavailable', message: expect.stringContaining('could not be used') });
    expect(report.record?.practice.status).toBe('pending');
    usable = true;
    report.retry();
    for (let i = 0; i < 5; i++) await settle();
    expect(statuses(report.record)).toEqual({ 'iv-1': 'done' });
    expect(report.record?.practice.status).toBe('done');
  });
});
