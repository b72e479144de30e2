// Whether a probe quotes the resume: numbers, distinctive pairs of words, or three words in a row.
import { describe, expect, it } from 'vitest';
import { probeGrounding, quotesResume } from './grounding.ts';
import { planWith } from './testdata/plans.ts';

const RESUME = 'Jane Doe. Backend engineer, eight years. Led the move of a billing service to Kafka; cut failed invoices by 50%.';

describe('quotesResume', () => {
  it.each([
    ['a number from it', 'Ask how the 50% was measured', true],
    ['two distinctive words in a row', 'The billing service migration', true],
    ['three words in a row, stopwords included', 'What drove the move of the team', true],
    ['the same words, case and punctuation aside', 'FAILED INVOICES: what changed?', true],
    ['a number not in it', 'Ask about the 30% saving', false],
    ['common words only', 'Ask about the team and what they did', false],
    ['a made-up claim', 'Scaled Kubernetes clusters to thousands of nodes', false],
  ])('%s', (_name, probe, expected) => {
    expect(quotesResume(probe, RESUME)).toBe(expected);
  });
});

describe('probeGrounding', () => {
  it('counts the plan’s probes that quote the resume and lists the others', () => {
    const plan = planWith(['Kafka']);
    plan.topics[0]!.probes = ['Led the move of billing to Kafka', 'Ran a 200-node Cassandra ring'];
    expect(probeGrounding(plan, RESUME)).toEqual({ total: 2, grounded: 1, ungrounded: ['Ran a 200-node Cassandra ring'] });
  });
});
