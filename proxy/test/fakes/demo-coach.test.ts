// The demo's coach answers the report's requests with quotes copied from the answer in the request, and low scores for
// short or vague answers.
import { describe, expect, it } from 'vitest';
import { coachReply, reportRequestKind } from './demo-coach.ts';
import { scriptedReply } from './demo-interviewer.ts';

const STRONG = 'I led the move of our billing service to Kafka. I ran both paths side by side for three weeks. Failed invoices fell by half within one quarter.';

function judgePrompt(answer: string): string {
  return [
    '<job_requirements>\n1. event-driven systems with Kafka\n2. mentoring engineers\n</job_requirements>',
    '<question>\nTell me about a time you led a migration.\n</question>',
    `<answer_to_judge label="A2">\n${answer}\n</answer_to_judge>`,
    'Judge answer A2 only, and quote only from it.',
  ].join('\n\n');
}

type Judgement = Record<string, { quote?: string; score?: number } & Record<string, unknown>> & {
  turn: string;
  strengths: { quote: string }[];
  improvements: { quote: string }[];
  requirements: { requirement: number; status: string; quote: string }[];
};

describe('the demo coach', () => {
  it('recognises the report requests by their tags, and the interviewer routes them to it as JSON', () => {
    expect(reportRequestKind(judgePrompt(STRONG))).toBe('judge');
    expect(reportRequestKind('<answer_to_rewrite label="A1">\nx\n</answer_to_rewrite>')).toBe('rewrite');
    expect(reportRequestKind('<interview_summary>\nA1. Question: q\nAnswer: a\n</interview_summary>')).toBe('practice');
    expect(reportRequestKind('<resume>\nx\n</resume>')).toBeNull();
    expect(scriptedReply(judgePrompt(STRONG), true).spoken).toBe(false);
  });

  it('quotes only the answer, verbatim, and maps the requirements it names', () => {
    const reply = coachReply(judgePrompt(STRONG)) as Judgement;
    expect(reply.turn).toBe('A2');
    const quotes = [
      ...['relevance', 'specificity', 'structure', 'ownership', 'impact'].map((name) => reply[name]?.quote ?? ''),
      ...reply.strengths.map((point) => point.quote),
      ...reply.improvements.map((point) => point.quote),
      ...reply.requirements.map((claim) => claim.quote),
    ].filter((quote) => quote !== '');
    expect(quotes.length).toBeGreaterThan(5);
    for (const quote of quotes) expect(STRONG).toContain(quote);
    expect(reply.requirements.map((claim) => claim.requirement)).toEqual([1]);
    expect(reply.impact?.score).toBe(4);
  });

  it('scores a short answer 1 and gives it no strengths', () => {
    const reply = coachReply(judgePrompt('Kafka, mostly.')) as Judgement;
    expect(reply.relevance?.score).toBe(1);
    expect(reply.strengths).toEqual([]);
  });

  it('rewrites in the candidate\'s own words with a placeholder for the result, and writes three drills', () => {
    const rewrite = coachReply('<answer_to_rewrite label="A1">\nWe moved billing to Kafka. We fixed bugs.\n</answer_to_rewrite>') as { rewrite: string };
    expect(rewrite.rewrite).toBe('I moved billing to Kafka. I fixed bugs. [The result you measured.]');
    const plan = coachReply('<interview_summary>\nA1. Question: Tell me.\nAnswer: We moved billing to Kafka last year.\nScores: Relevance 2\n</interview_summary>') as { drills: { turn: string; quote: string }[] };
    expect(plan.drills).toHaveLength(3);
    expect(plan.drills[0]).toMatchObject({ turn: 'A1', quote: 'We moved billing to Kafka last' });
  });
});
