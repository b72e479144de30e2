// The grader harness: the golden interviews judged through scripted models that behave well and badly, proving the
// guards hold whatever the model says: invented quotes never survive, a score without a verified quote is "not
// enough evidence", thin answers keep no strengths and nothing above 2, and the overall score rests only on checked scores.
import { describe, expect, it } from 'vitest';
import { answerTurns } from './answers.ts';
import { measureDelivery } from './delivery.ts';
import { judgeAnswer } from './judge.ts';
import { answerScore, overallScore } from './overall.ts';
import { REMOVED_QUOTE } from './quotes.ts';
import { GOLDEN_ANSWERS, GOLDEN_NAMES, goldenSubject, type GoldenName } from './testdata/golden.ts';
import { judgedAnswer, judgementReply, scriptedModel } from './testdata/scripted-model.ts';
import type { AnswerJudgement, Evidence } from './types.ts';

const INVENTED = 'I single-handedly tripled revenue at Google';

/** The first `count` words of a text: a real quote. */
const opening = (text: string, count = 6) => text.split(/\s+/).slice(0, count).join(' ');

/** Every quote a judgement carries. */
function quotesOf(judgement: AnswerJudgement): Evidence[] {
  return [
    ...judgement.dimensions.flatMap((result) => (result.status === 'scored' ? [result.evidence] : [])),
    ...Object.values(judgement.star ?? {}).flatMap((evidence) => (evidence ? [evidence] : [])),
    ...judgement.strengths.map((point) => point.evidence),
    ...judgement.improvements.map((point) => point.evidence),
    ...judgement.requirements.map((claim) => claim.evidence),
  ];
}

/** The guards every judgement must satisfy, whatever the model said. */
function expectGuards(name: GoldenName, judgement: AnswerJudgement): void {
  const answer = GOLDEN_ANSWERS[name];
  for (const evidence of quotesOf(judgement)) {
    expect(answer.includes(evidence.quote), `"${evidence.quote}" is in the ${name} answer`).toBe(true);
    expect(evidence.quote.split(/\s+/).length).toBeGreaterThanOrEqual(3);
    expect(evidence.answerId).toBe(judgement.answerId);
  }
  if (judgement.thin !== null) {
    expect(judgement.strengths).toEqual([]);
    for (const result of judgement.dimensions) if (result.status === 'scored') expect(result.score).toBeLessThanOrEqual(2);
  }
}

async function judge(name: GoldenName, reply: (label: string, text: string) => object | string) {
  const subject = goldenSubject(name);
  const model = scriptedModel((request) => {
    const { label, text } = judgedAnswer(request);
    return reply(label, text);
  });
  const [turn] = answerTurns(subject.transcript);
  const judgement = await judgeAnswer(subject, turn!, model, new AbortController().signal);
  expectGuards(name, judgement);
  return { judgement, calls: model.requests.length };
}

describe.each(GOLDEN_NAMES)('the %s answer', (name) => {
  it('keeps nothing of a model that gives 5s with invented quotes: not enough evidence everywhere, no overall score', async () => {
    const { judgement } = await judge(name, (label) => judgementReply(label, 5, INVENTED));
    expect(judgement.dimensions.filter((result) => result.status === 'scored')).toEqual([]);
    expect(judgement.dimensions.filter((result) => result.status === 'no-evidence').map((result) => result.dimension)).toEqual(['relevance', 'specificity', 'structure', 'ownership', 'impact']);
    expect(judgement.strengths).toEqual([]);
    expect(judgement.requirements).toEqual([]);
    expect(JSON.stringify(judgement)).not.toContain('tripled');
    expect(answerScore(judgement)).toBeNull();
    if (judgement.thin === null) expect(overallScore([judgement])).toEqual({ score: null, basedOn: 0 });
  });

  it('keeps nothing when the judgement names an answer that does not exist', async () => {
    const { judgement } = await judge(name, (_label, text) => judgementReply('A7', 5, opening(text)));
    expect(judgement.dimensions.some((result) => result.status === 'scored')).toBe(false);
  });

  it('holds the thin-answer cap against a flatterer quoting real words', async () => {
    const { judgement } = await judge(name, (label, text) => judgementReply(label, 5, opening(text)));
    const scores = judgement.dimensions.flatMap((result) => (result.status === 'scored' ? [result.score] : []));
    if (name === 'gibberish') {
      expect(judgement.thin).toBe('unclear');
      expect(scores).toEqual([2, 2, 2, 2, 2]);
      expect(judgement.strengths).toEqual([]);
      expect(judgement.requirements.map((claim) => claim.status)).toEqual(['mentioned']);
    } else if (name === 'empty') {
      expect(judgement.thin).toBe('empty');
      expect(scores).toEqual([]);
    } else {
      expect(judgement.thin).toBeNull();
      expect(scores).toEqual([5, 5, 5, 5, 5]);
    }
  });
});

describe('the guards, one by one', () => {
  it('sends nothing for an empty answer, and counts it as 1 in the overall score', async () => {
    const { judgement, calls } = await judge('empty', () => {
      throw new Error('an empty answer is never sent');
    });
    expect(calls).toBe(0);
    expect(judgement.thin).toBe('empty');
    expect(overallScore([judgement])).toEqual({ score: 1, basedOn: 1 });
  });

  it('marks a STAR result missing when the model quotes a result the candidate never gave', async () => {
    const { judgement } = await judge('star-no-result', (label, text) =>
      judgementReply(label, 4, opening(text), { star: { applies: true, situation: 'Our billing batch kept colliding with peak traffic', task: 'My task was to move billing onto Kafka', action: 'I designed the dual-write path', result: 'failed invoices fell by half' } }),
    );
    expect(judgement.star).toMatchObject({ situation: { quote: 'Our billing batch kept colliding with peak traffic' }, task: { quote: 'My task was to move billing onto Kafka' }, action: { quote: 'I designed the dual-write path' }, result: null });
    expect(judgement.droppedQuotes).toBe(1);
  });

  it('drops requirements that do not exist and strengths without a real quote; removes invented quotes inside prose', async () => {
    const { judgement } = await judge('strong', (label, text) =>
      judgementReply(label, 4, opening(text), {
        relevance: { reason: `You said "${INVENTED}", and "ran both paths side by side".`, quote: opening(text), score: 4 },
        strengths: [
          { point: 'Clear plan.', quote: 'I wrote the migration plan' },
          { point: 'Huge impact.', quote: INVENTED },
        ],
        requirements: [
          { requirement: 9, status: 'demonstrated', quote: opening(text) },
          { requirement: 2, status: 'demonstrated', quote: 'I also ran the incident review' },
          { requirement: 3, status: 'mentioned', quote: 'mentored the whole company' },
        ],
      }),
    );
    expect(judgement.strengths.map((point) => point.text)).toEqual(['Clear plan.']);
    expect(judgement.requirements).toEqual([{ requirementId: 'r2', status: 'demonstrated', evidence: { answerId: 'golden-strong-1', quote: 'I also ran the incident review' } }]);
    const relevance = judgement.dimensions.find((result) => result.dimension === 'relevance');
    expect(relevance?.status === 'scored' && relevance.reason).toBe(`You said ${REMOVED_QUOTE}, and "ran both paths side by side".`);
  });

  it('shows the all-"we" answer\'s ownership problem by measurement, whatever the model says', () => {
    const delivery = measureDelivery(goldenSubject('all-we').transcript, []);
    expect(delivery.answers[0]?.pronouns).toMatchObject({ i: 0, iShare: 0 });
    expect(measureDelivery(goldenSubject('strong').transcript, []).answers[0]?.pronouns.iShare).toBeGreaterThan(0.5);
  });

  it('keeps the strong answer above the fine one when an honest model scores them so', async () => {
    const honest = (label: string, text: string) => judgementReply(label, text.split(/\s+/).length > 60 ? 5 : 2, opening(text));
    const strong = (await judge('strong', honest)).judgement;
    const fine = (await judge('fine', honest)).judgement;
    expect(answerScore(strong)).toBeGreaterThan(answerScore(fine) ?? Infinity);
  });
});
