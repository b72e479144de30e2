// A small concluded interview record shared by the history tests.
import type { InterviewRecord } from '../storage/index.ts';

const T0 = Date.UTC(2025, 2, 4, 14, 5, 0);

/** A two-question interview that concluded, as the session saves it. */
export function sampleRecord(): InterviewRecord {
  return {
    id: 'interview-1',
    createdAt: T0 - 5_000,
    updatedAt: T0 + 200_000,
    concluded: true,
    snapshot: {
      status: 'done',
      value: 'concluded',
      historyValue: {},
      children: {},
      output: undefined,
      error: undefined,
      context: {
        id: 'interview-1',
        documents: { resume: 'Jane Doe.', jobDescription: 'Senior Backend Engineer at Acme Pay. Go, Kafka.', instructions: '' },
        settings: { maxMinutes: 45, maxQuestions: 2, maxFollowUpsPerTopic: 2, model: 'gemini-2.5-flash' },
        plan: { strategy: 'Probe payments.', topics: ['Payments'] },
        transcript: [
          { id: 'q1', role: 'interviewer', kind: 'introduction', text: 'Thanks for joining. Tell me about yourself.', topic: null, at: T0 + 9_000 },
          { id: 'a1', role: 'candidate', text: 'Eight years on payments.\nMostly Kafka.', at: T0 + 60_000 },
          { id: 'q2', role: 'interviewer', kind: 'new-topic', text: '# How do you handle retries?', topic: 'Payments', at: T0 + 65_000 },
          { id: 'a2', role: 'candidate', text: 'Idempotency keys.', at: T0 + 120_000 },
          { id: 'c', role: 'interviewer', kind: 'closing', text: 'Thank you, that is all.', topic: null, at: T0 + 125_000 },
        ],
        questionsAsked: 2,
        currentTopicIndex: 0,
        followUpsByTopic: {},
        startedAt: T0,
        endedAt: T0 + 125_000,
        turn: null,
        liveQuestion: '',
        lastDecision: 'NEXT_TOPIC',
        draftAnswer: '',
        analysisAttempts: 1,
        error: null,
        retrying: null,
        timings: [],
      },
    },
  };
}
