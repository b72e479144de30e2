// The Markdown transcript, pinned to UTC: structure, times, quoting, and the title the candidate gave.
import { describe, expect, it } from 'vitest';
import { interviewMarkdown } from './markdown.ts';
import { sampleRecord } from './testdata.ts';

describe('interviewMarkdown', () => {
  it('writes title, facts, and every question and answer with its time', () => {
    expect(interviewMarkdown(sampleRecord(), { timeZone: 'UTC' })).toBe(`# Senior Backend Engineer at Acme Pay

- **Role:** Senior Backend Engineer
- **Company:** Acme Pay
- **Date:** 2025-03-04 14:05
- **Duration:** 2 min
- **Status:** Concluded
- **Questions answered:** 2

## Plan

- **Interview type:** Mixed

1. **Payments**

## Transcript

### Question 1 · 14:05:09

> Thanks for joining. Tell me about yourself.

### Your answer · 14:06:00

> Eight years on payments.
> Mostly Kafka.

### Question 2 · 14:06:05 · Payments

> # How do you handle retries?

### Your answer · 14:07:00

> Idempotency keys.

### Closing · 14:07:05

> Thank you, that is all.
`);
  });

  it.each([
    [{ title: 'My # first\ntry' }, '# My # first try\n'],
    [{ title: '## Heading' }, '# Heading\n'],
  ])('uses the candidate title %j on one line', (extra, firstLine) => {
    expect(interviewMarkdown({ ...sampleRecord(), ...extra }, { timeZone: 'UTC' }).split('\n')[0] + '\n').toBe(firstLine);
  });

  it('says when there is no transcript yet', () => {
    const record = sampleRecord();
    const snapshot = record.snapshot as { context: { transcript: unknown[]; startedAt: number | null } };
    snapshot.context.transcript = [];
    expect(interviewMarkdown({ ...record, concluded: false }, { timeZone: 'UTC' })).toContain('- **Questions answered:** 0\n\n## Plan\n\n- **Interview type:** Mixed\n\n1. **Payments**\n\n## Transcript\n\n_No questions yet._\n');
  });

  it('writes today’s plan with type, level, requirements and each topic’s why and probes, and marks follow-ups', () => {
    const record = sampleRecord();
    const context = (record.snapshot as { context: Record<string, unknown> }).context;
    context.plan = {
      strategy: 'Probe payments.',
      interviewType: 'behavioural',
      level: 'senior',
      requirements: [{ id: 'r1', text: 'Payments at scale' }, { id: 'r2', text: 'Kafka' }],
      topics: [{ id: 't1', name: 'Payments', why: 'The team runs billing.', requirementIds: ['r1', 'r2'], probes: ['Led the move of billing to Kafka', 'Cut failed invoices by half'] }],
    };
    (context.transcript as { kind?: string; topicId?: string }[])[2]!.kind = 'follow-up';
    const markdown = interviewMarkdown(record, { timeZone: 'UTC' });
    expect(markdown).toContain(`## Plan

- **Interview type:** Behavioural (past situations)
- **Level:** Senior
- **Job requirements:** Payments at scale; Kafka

1. **Payments** — The team runs billing.
   - Covers: Payments at scale; Kafka
   - From the resume: Led the move of billing to Kafka; Cut failed invoices by half

## Transcript`);
    expect(markdown).toContain('### Question 2 · 14:06:05 · Payments (follow-up)');
  });

  it("carries the coach's report of a concluded interview when asked: measured at once, judged parts not ready yet", () => {
    const markdown = interviewMarkdown(sampleRecord(), { timeZone: 'UTC', report: null });
    expect(markdown).toContain("- **Questions answered:** 2\n\n## Coach's report\n");
    expect(markdown).toContain('#### A2 · # How do you handle retries?\n\n- **Measured:** 2 words · typed (no pace) · fillers 0 · hedges 0 · neither “I” nor “we”\n_Not ready yet._');
    expect(markdown.indexOf("## Coach's report")).toBeLessThan(markdown.indexOf('## Plan'));
  });
});
