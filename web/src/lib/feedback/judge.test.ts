// The report's calls: an unusable reply is asked again up to three tries then the section is unavailable (never a
// made-up value); network failures wait; a rewrite that adds facts is asked again once, then left out with a note;
// the practice plan keeps its drills but drops quotes it cannot find.
import { describe, expect, it } from 'vitest';
import { LlmError } from '../llm/index.ts';
import { answerTurns } from './answers.ts';
import { judgeAnswer, MAX_REPLY_TRIES, makePracticePlan, practiceSummary, ReplyUnavailable, rewriteAnswer } from './judge.ts';
import { sectionFailure } from './section-failure.ts';
import { goldenSubject } from './testdata/golden.ts';
import { judgedAnswer, judgementReply, scriptedModel } from './testdata/scripted-model.ts';

const signal = () => new AbortController().signal;
const subject = goldenSubject('strong');
const turn = answerTurns(subject.transcript)[0]!;

describe('judgeAnswer', () => {
  it('asks in JSON mode with the answer fenced and labelled, and the job requirements numbered', async () => {
    const model = scriptedModel((request) => judgementReply(judgedAnswer(request).label, 4, 'I wrote the migration plan'));
    await judgeAnswer(subject, turn, model, signal());
    const [request] = model.requests;
    expect(request?.json?.schema).toMatchObject({ type: 'OBJECT' });
    expect(request?.model).toBe('gemini-2.5-flash');
    expect(judgedAnswer(request!)).toEqual({ label: 'A1', text: turn.answer.text });
    expect(request?.contents[0]?.text).toContain('1. event-driven systems with Kafka\n2. lead incident reviews');
  });

  it('asks again after an unusable reply and takes the first usable one', async () => {
    const model = scriptedModel((request, index) => (index < 2 ? (index === 0 ? 'not json' : { turn: 'A1' }) : judgementReply(judgedAnswer(request).label, 4, 'I wrote the migration plan')));
    const judgement = await judgeAnswer(subject, turn, model, signal());
    expect(model.requests).toHaveLength(3);
    expect(judgement.dimensions[0]).toMatchObject({ status: 'scored', score: 4 });
  });

  it('gives up after MAX_REPLY_TRIES unusable replies: the section is unavailable, with no value', async () => {
    const model = scriptedModel((_request, index) => (index % 2 === 0 ? '{"turn": "A1", "relevance": {"score": 9}}' : new LlmError('safety', 'blocked')));
    const failure = await judgeAnswer(subject, turn, model, signal()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReplyUnavailable);
    expect(model.requests).toHaveLength(MAX_REPLY_TRIES);
    expect(sectionFailure(failure)).toEqual({ status: 'unavailable', message: expect.stringContaining('could not be used') });
  });

  it('passes a network failure up at once, to wait for the network', async () => {
    const model = scriptedModel(() => new LlmError('network', 'offline'));
    const failure = await judgeAnswer(subject, turn, model, signal()).catch((error: unknown) => error);
    expect(model.requests).toHaveLength(1);
    expect(sectionFailure(failure)).toMatchObject({ status: 'waiting' });
    expect(sectionFailure(new LlmError('quota-exhausted', 'out'))).toMatchObject({ status: 'unavailable' });
    expect(sectionFailure(new LlmError('aborted', 'stopped'))).toBeNull();
  });
});

describe('rewriteAnswer', () => {
  const weak = goldenSubject('star-no-result');
  const weakTurn = answerTurns(weak.transcript)[0]!;

  it('keeps a rewrite whose numbers and names are all in the resume or the transcript', async () => {
    const model = scriptedModel(() => ({ rewrite: 'I moved billing onto Kafka at Acme Pay with two engineers. [The result you measured.]', changes: ['Added a result placeholder.'] }));
    expect(await rewriteAnswer(weak, weakTurn, model, signal())).toEqual({
      answerId: weakTurn.id,
      text: 'I moved billing onto Kafka at Acme Pay with two engineers. [The result you measured.]',
      changes: ['Added a result placeholder.'],
      unsupported: [],
    });
  });

  it('asks again once, naming what was added, and takes a clean second rewrite', async () => {
    const model = scriptedModel((_request, index) =>
      index === 0 ? { rewrite: 'I cut failures by 40% at Stripe.', changes: [] } : { rewrite: 'I moved billing onto Kafka.', changes: [] },
    );
    const rewrite = await rewriteAnswer(weak, weakTurn, model, signal());
    expect(rewrite.text).toBe('I moved billing onto Kafka.');
    expect(model.requests[1]?.contents[0]?.text).toContain('added facts that are in neither the resume nor the interview: 40, Stripe');
  });

  it('leaves the rewrite out, with what it added, when the second one adds facts too', async () => {
    const model = scriptedModel(() => ({ rewrite: 'Failures fell 40% in 6 weeks at Stripe.', changes: [] }));
    expect(await rewriteAnswer(weak, weakTurn, model, signal())).toEqual({ answerId: weakTurn.id, text: null, changes: [], unsupported: ['40', '6', 'Stripe'] });
    expect(model.requests).toHaveLength(2);
  });
});

describe('makePracticePlan', () => {
  it('keeps three drills, each quote checked against the answer it names', async () => {
    const model = scriptedModel(() => ({
      drills: [
        { title: 'Say the result', why: 'Your story stopped before the result.', how: 'End every story with a number.', turn: 'A1', quote: 'ran both paths side by side' },
        { title: 'Own it', why: 'Ownership.', how: 'Say I.', turn: 'A1', quote: 'I invented this quote entirely here' },
        { title: 'Be brief', why: 'Length.', how: 'Two minutes.', turn: 'A9', quote: 'ran both paths side by side' },
      ],
    }));
    const plan = await makePracticePlan(subject, new Map(), model, signal());
    expect(plan.drills.map((drill) => drill.evidence)).toEqual([{ answerId: turn.id, quote: 'ran both paths side by side' }, null, null]);
  });

  it('refuses a plan of two drills (asked again, then unavailable)', async () => {
    const model = scriptedModel(() => ({ drills: [{ title: 'a', why: 'b', how: 'c', turn: 'A1', quote: '' }] }));
    await expect(makePracticePlan(subject, new Map(), model, signal())).rejects.toBeInstanceOf(ReplyUnavailable);
  });

  it('summarises the verified judgements for the prompt, and the requirements not reached', async () => {
    const model = scriptedModel((request) => judgementReply(judgedAnswer(request).label, 4, 'I wrote the migration plan'));
    const judgement = await judgeAnswer(subject, turn, model, signal());
    const summary = practiceSummary(subject, new Map([[turn.id, judgement]]));
    expect(summary).toContain('A1. Question: Tell me about a time you led a risky migration.');
    expect(summary).toContain('Scores: Relevance 4, Specifics and evidence 4, Structure 4, Ownership 4, Impact and results 4; answer score 4');
    expect(summary).toContain('Job requirements the answers did not reach: lead incident reviews; mentoring engineers');
  });
});
