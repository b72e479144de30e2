// Table tests for the list facts: role and company from a job description's top lines, and an interview's duration.
import { describe, expect, it } from 'vitest';
import { durationOf, factsOf, guessRoleAndCompany } from './summary.ts';

describe('guessRoleAndCompany', () => {
  it.each([
    ['Senior Backend Engineer at Acme Pay', 'Senior Backend Engineer', 'Acme Pay'],
    ['Senior Backend Engineer at Acme Pay. Go, Kafka, Postgres; on-call; mentoring.', 'Senior Backend Engineer', 'Acme Pay'],
    ['Staff Engineer @ Globex\nWe build rockets.', 'Staff Engineer', 'Globex'],
    ['Company: Initech / Title: Software Developer\nAbout us...', 'Software Developer', 'Initech'],
    ['Company: Initech\nJob Title: QA Analyst\n', 'QA Analyst', 'Initech'],
    ['Role: Data Scientist | Employer: Umbrella Corp', 'Data Scientist', 'Umbrella Corp'],
    ['# Position: Product Designer\n\n**Company:** Hooli', 'Product Designer', 'Hooli'],
    ['Acme Pay — Senior Backend Engineer', 'Senior Backend Engineer', 'Acme Pay'],
    ['Frontend Developer - Pied Piper', 'Frontend Developer', 'Pied Piper'],
    ['Acme Pay is hiring a Senior Backend Engineer. Join us!', 'Senior Backend Engineer', 'Acme Pay'],
    ['We are looking for an Engineering Manager', 'Engineering Manager', null],
    ['\n\n  About the job\nWe move money.', 'About the job', null],
    ['We are looking for someone who has worked at a large company before, ideally in fintech', 'We are looking for someone who has worked at a large company before, ideally in…', null],
    ['', null, null],
    ['Senior Backend Engineer — Payments Platform\nNorthwind Financial · London · Hybrid\n\nAbout the role', 'Senior Backend Engineer', 'Northwind Financial'],
    ['Site Reliability Engineer\nAcme Logistics · Remote within Europe · Full time\n\nAbout the role', 'Site Reliability Engineer', 'Acme Logistics'],
    ['Senior Backend Engineer - Payments Platform\n\nAbout Northwind Financial\nWe move money.', 'Senior Backend Engineer', 'Northwind Financial'],
    ['Data Engineer - Growth Team\nNorthwind Financial is a bank for small businesses.', 'Data Engineer', 'Northwind Financial'],
    ['Data Engineer - Growth Team\nRemote · Full time', 'Data Engineer', 'Growth Team'],
  ])('%j', (text, role, company) => {
    expect(guessRoleAndCompany(text)).toEqual({ role, company });
  });
});

describe('factsOf and durationOf', () => {
  const snapshot = (context: Record<string, unknown>) => ({ status: 'active', value: 'awaitingAnswer', context });

  it('reads role, company, times and the question count from a snapshot', () => {
    const facts = factsOf(
      snapshot({
        documents: { resume: 'r', jobDescription: 'Senior Backend Engineer at Acme Pay.', instructions: '' },
        startedAt: 1_000,
        endedAt: null,
        questionsAsked: 2,
        transcript: [
          { id: 'a', role: 'interviewer', text: 'Q', at: 2_000 },
          { id: 'b', role: 'candidate', text: 'A', at: 61_000 },
        ],
      }),
    );
    expect(facts).toEqual({ role: 'Senior Backend Engineer', company: 'Acme Pay', startedAt: 1_000, endedAt: null, lastActivityAt: 61_000, answeredCount: 1 });
    expect(durationOf(facts)).toBe(60_000);
    expect(durationOf({ ...facts, endedAt: 121_000 })).toBe(120_000);
  });

  it.each([[null], [undefined], ['text'], [{}], [snapshot({ transcript: 'nope', startedAt: 'yesterday' })]])('survives a malformed snapshot: %j', (value) => {
    const facts = factsOf(value);
    expect(facts).toEqual({ role: null, company: null, startedAt: null, endedAt: null, lastActivityAt: null, answeredCount: 0 });
    expect(durationOf(facts)).toBe(0);
  });
});
