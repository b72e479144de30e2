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
- **Questions:** 2

## Transcript

### Question 1 · 14:05:09

> Thanks for joining. Tell me about yourself.

### Your answer · 14:06:00

> Eight years on payments.
> Mostly Kafka.

### Question 2 · 14:06:05

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
    expect(interviewMarkdown({ ...record, concluded: false }, { timeZone: 'UTC' })).toContain('- **Status:** In progress\n- **Questions:** 2\n\n## Transcript\n\n_No questions yet._\n');
  });
});
