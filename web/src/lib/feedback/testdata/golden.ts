// Golden interviews made for the report's grader harness and `pnpm eval:report`: one question each, answered strongly,
// "fine", as gibberish, with nothing, all in "we", and as a STAR story with no result. Written for these tests.
import type { InterviewPlan, TranscriptEntry } from '../../interview/index.ts';
import type { ReportSubject } from '../subject.ts';

/** The name of a golden answer. */
export type GoldenName = 'strong' | 'fine' | 'gibberish' | 'empty' | 'all-we' | 'star-no-result';

/** The job's requirements and plan every golden interview follows. */
export const GOLDEN_PLAN: InterviewPlan = {
  strategy: 'Probe ownership of the billing migration and incident handling.',
  interviewType: 'behavioural',
  level: 'senior',
  requirements: [
    { id: 'r1', text: 'event-driven systems with Kafka' },
    { id: 'r2', text: 'lead incident reviews' },
    { id: 'r3', text: 'mentoring engineers' },
  ],
  topics: [{ id: 't1', name: 'Billing migration', why: 'The role owns the event pipeline.', requirementIds: ['r1', 'r2'], probes: ['Moved billing to Kafka'] }],
};

/** The one question every golden answer replies to. */
export const GOLDEN_QUESTION = 'Tell me about a time you led a risky migration. What was the situation, what did you do, and how did it turn out?';

/** The resume the golden interviews were held against. */
export const GOLDEN_RESUME = 'Jane Doe. Senior backend engineer at Acme Pay, 2019 to now. Led the move of the billing service to Kafka; cut failed invoices by half. Mentors two engineers.';

/** Each golden answer's text. */
export const GOLDEN_ANSWERS: Readonly<Record<GoldenName, string>> = {
  strong:
    'Last spring our billing service dropped about 2% of invoices whenever the nightly batch overlapped with peak traffic. I was asked to move it onto Kafka without a freeze. I wrote the migration plan, ran both paths side by side for three weeks, and built a replay job so any invoice that failed could be reprocessed. I also ran the incident review when the replay found a duplicate-charge bug. As a result failed invoices fell by half within one quarter, and nobody was charged twice.',
  fine: 'It went fine, I think. We moved some things to Kafka and it worked out okay in the end, more or less, and people were happy with it.',
  gibberish: 'asdf qwer zxcv jkl uiop hjkl vbnm rtyu fghj wert sdfg xcvb',
  empty: '…',
  'all-we':
    'We had a billing service that was failing at peak. We decided to move it to Kafka, and we planned it together over a few weeks. We ran both systems in parallel and we fixed the bugs we found. In the end we shipped it and our failed invoices went down a lot.',
  'star-no-result':
    'Our billing batch kept colliding with peak traffic, so invoices failed every night. My task was to move billing onto Kafka without stopping payments. I designed the dual-write path, wrote the replay tool, and led the cut-over weekend with two engineers I mentor.',
};

/** A golden interview as the report reads it: the question, the answer and a closing, concluded. */
export function goldenSubject(name: GoldenName, interviewId = `golden-${name}`): ReportSubject {
  const transcript: TranscriptEntry[] = [
    { id: `${interviewId}-0`, role: 'interviewer', kind: 'new-topic', text: GOLDEN_QUESTION, topic: 'Billing migration', topicId: 't1', at: 1_000 },
    { id: `${interviewId}-1`, role: 'candidate', text: GOLDEN_ANSWERS[name], at: 60_000 },
    { id: `${interviewId}-2`, role: 'interviewer', kind: 'closing', text: 'Thank you, that is all for today.', topic: null, topicId: null, at: 61_000 },
  ];
  return {
    interviewId,
    model: 'gemini-2.5-flash',
    documents: { resume: GOLDEN_RESUME, jobDescription: 'Senior Backend Engineer at Acme Pay. Event-driven systems with Kafka; lead incident reviews; mentoring engineers.', instructions: '' },
    profile: { interviewType: 'behavioural', level: 'senior' },
    plan: GOLDEN_PLAN,
    transcript,
    speechTimings: [],
    concluded: true,
  };
}

/** Every golden answer's name. */
export const GOLDEN_NAMES: readonly GoldenName[] = ['strong', 'fine', 'gibberish', 'empty', 'all-we', 'star-no-result'];
