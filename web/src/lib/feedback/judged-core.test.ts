// The guards code holds over what the model says: quote verification, thin answers, the overall formula, the rewrite
// fact check, and the word diff the screen shows.
import { describe, expect, it } from 'vitest';
import { wordDiff } from './diff.ts';
import { factsOf, unsupportedFacts } from './fact-check.ts';
import { answerScore, dimensionAverages, overallScore, THIN_ANSWER_SCORE } from './overall.ts';
import { findQuote, REMOVED_QUOTE, verifyEvidence, withoutUnverifiedQuotes } from './quotes.ts';
import { thinReason } from './thin.ts';
import type { AnswerJudgement, DimensionResult } from './types.ts';

const ANSWER = 'I led the move of our billing service to Kafka — it cut failed invoices by half, and I didn’t need a rewrite.';

describe('findQuote', () => {
  it.each([
    ['led the move of our billing service', 'led the move of our billing service'],
    ['I LED the move,  of our billing   service', 'I led the move of our billing service'],
    ['Kafka, it cut failed invoices', 'Kafka — it cut failed invoices'],
    ['and I didn\'t need a rewrite', 'and I didn’t need a rewrite'],
    ['“cut failed invoices by half”', 'cut failed invoices by half'],
  ])('%j is found as %j', (quote, span) => {
    expect(findQuote(ANSWER, quote)).toBe(span);
  });

  it.each([
    ['cut failed invoices by 90%', 'a changed number'],
    ['I led the whole company', 'words not in the answer'],
    ['billing service', 'too short to stand as evidence'],
    ['ed the move of', 'part of a word'],
    ['', 'empty'],
    ['I led the move of our billing service … a rewrite', 'elided'],
  ])('%j is refused (%s)', (quote) => {
    expect(findQuote(ANSWER, quote)).toBeNull();
  });

  it('accepts a short answer quoted whole', () => {
    expect(findQuote('Kafka, mostly.', 'kafka mostly')).toBe('Kafka, mostly');
  });
});

describe('verifyEvidence', () => {
  const answers = new Map([
    ['A1', { id: 'x-1', text: ANSWER }],
    ['A2', { id: 'x-3', text: 'We rewrote the retry logic with idempotency keys.' }],
  ]);

  it('needs the named answer to exist and to hold the quote', () => {
    expect(verifyEvidence(answers, 'a2', 'rewrote the retry logic')).toEqual({ answerId: 'x-3', quote: 'rewrote the retry logic' });
    expect(verifyEvidence(answers, 'A1', 'rewrote the retry logic')).toBeNull();
    expect(verifyEvidence(answers, 'A7', 'rewrote the retry logic')).toBeNull();
  });
});

describe('withoutUnverifiedQuotes', () => {
  it('keeps quotes found in the interview and removes invented ones, inside prose', () => {
    const prose = 'You said "cut failed invoices by half" and “tripled revenue in a week”, which is "great".';
    expect(withoutUnverifiedQuotes(prose, [ANSWER])).toBe(`You said "cut failed invoices by half" and ${REMOVED_QUOTE}, which is "great".`);
  });
});

describe('thinReason', () => {
  it.each([
    ['', 'empty'],
    ['   \n ', 'empty'],
    ['Yes, Kafka.', 'short'],
    ['It was fine, I think, we did okay there.', 'short'],
    ['asdf qwer zxcv jkl; uiop hjkl vbnm rtyu fghj wert', 'unclear'],
    ['Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor', 'unclear'],
    ['blah blah blah blah blah blah blah blah blah blah blah blah', 'unclear'],
    ['I led the move of our billing service to Kafka and it cut failed invoices by half.', null],
  ])('%j → %s', (text, reason) => {
    expect(thinReason(text)).toBe(reason);
  });
});

const scored = (dimension: DimensionResult['dimension'], score: number): DimensionResult => ({ dimension, status: 'scored', score, reason: '', evidence: { answerId: 'a', quote: 'q' } });
const judgement = (dimensions: DimensionResult[], thin: AnswerJudgement['thin'] = null): AnswerJudgement => ({
  answerId: 'a',
  thin,
  dimensions,
  star: null,
  strengths: [],
  improvements: [],
  requirements: [],
  droppedQuotes: 0,
});

describe('the overall formula', () => {
  it('scores an answer as the mean of its verified dimensions; none verified means no score', () => {
    expect(answerScore(judgement([scored('relevance', 4), scored('impact', 3), { dimension: 'ownership', status: 'no-evidence' }]))).toBe(3.5);
    expect(answerScore(judgement([{ dimension: 'relevance', status: 'no-evidence' }]))).toBeNull();
  });

  it('averages answers that have a value; a thin answer with no score counts as 1; unsupported answers are left out', () => {
    const strong = judgement([scored('relevance', 5), scored('impact', 4)]);
    const empty = judgement([{ dimension: 'relevance', status: 'no-evidence' }], 'empty');
    const unsupported = judgement([{ dimension: 'relevance', status: 'no-evidence' }]);
    expect(overallScore([strong, empty, unsupported])).toEqual({ score: round1((4.5 + THIN_ANSWER_SCORE) / 2), basedOn: 2 });
    expect(overallScore([unsupported])).toEqual({ score: null, basedOn: 0 });
    expect(overallScore([])).toEqual({ score: null, basedOn: 0 });
  });

  it('averages each dimension over the verified scores only', () => {
    expect(dimensionAverages([judgement([scored('relevance', 5), scored('impact', 2)]), judgement([scored('relevance', 4), { dimension: 'impact', status: 'no-evidence' }])])).toEqual({ relevance: 4.5, impact: 2 });
  });
});

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

describe('the rewrite fact check', () => {
  const sources = ['Jane Doe. Led the move of a billing service to Kafka at Acme Pay; cut failed invoices by half.', 'We had 3 engineers and 1,200 nodes on PostgreSQL.'];

  it.each([
    ['I led the move of our billing service to Kafka, which cut failed invoices by half.', []],
    ['With three engineers I moved 1200 nodes, about half of them on PostgreSQL.', []],
    ['At Acme Pay I led the move to Kafka.', []],
    ['I cut failed invoices by 50% in 6 weeks.', ['50', '6']],
    ['I led four engineers on the move to Kafka at Stripe.', ['four', 'Stripe']],
    ['We moved to AWS and gRPC.', ['AWS', 'gRPC']],
    ['Honestly, I would say it went well.', []],
  ])('%j → unsupported %j', (rewrite, unsupported) => {
    expect(unsupportedFacts(rewrite, sources)).toEqual(unsupported);
  });

  it('reads names inside sentences, not ordinary words that open one, and never "I"', () => {
    expect(factsOf('Then I joined Acme. Later we used Go and I’m proud of it.').map((fact) => fact.word)).toEqual(['Acme', 'Go']);
  });
});

describe('wordDiff', () => {
  it('shows what was kept, added and removed, ignoring case and punctuation', () => {
    expect(wordDiff('we moved it to kafka.', 'I moved the billing service to Kafka.')).toEqual([
      { kind: 'added', text: 'I' },
      { kind: 'removed', text: 'we' },
      { kind: 'same', text: 'moved' },
      { kind: 'added', text: 'the billing service' },
      { kind: 'removed', text: 'it' },
      { kind: 'same', text: 'to Kafka.' },
    ]);
    expect(wordDiff('', 'New words')).toEqual([{ kind: 'added', text: 'New words' }]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});

describe('reportTrend', () => {
  it('keeps reports of the current rubric version with a checked score, oldest first', async () => {
    const { reportTrend } = await import('./trend.ts');
    const { newReportRecord } = await import('./record.ts');
    const withScore = (id: string, score: number) => ({ ...newReportRecord(id, 'm', 0), answers: { a: { status: 'done' as const, value: judgement([scored('relevance', score)]) } } });
    const points = reportTrend([
      { date: 3, record: withScore('c', 4) },
      { date: 1, record: withScore('a', 2) },
      { date: 2, record: { ...withScore('old', 5), rubricVersion: 0 } },
      { date: 4, record: newReportRecord('empty', 'm', 0) },
    ]);
    expect(points).toEqual([
      { interviewId: 'a', date: 1, averages: { relevance: 2 } },
      { interviewId: 'c', date: 3, averages: { relevance: 4 } },
    ]);
  });
});
