// Table tests of the interview's rules: rotation, the follow-up cap, limits and the next turn.
import { describe, expect, it } from 'vitest';
import { countFollowUp, followUpAllowed, isMainQuestion, limitsReached, nextTopicIndex, planNextTurn, questionCounts, recentMessages, resolveDecision, type Progress, type TurnPlan } from './policy.ts';
import { DEFAULT_SETTINGS, type QuestionKind, type TranscriptEntry } from './types.ts';

const settings = DEFAULT_SETTINGS;
const MIN = 60_000;

describe('nextTopicIndex', () => {
  it.each([
    [null, 3, 0],
    [0, 3, 1],
    [1, 3, 2],
    [2, 3, 0],
    [0, 1, 0],
    [null, 0, 0],
  ])('after %s of %i topics comes %i', (current, count, expected) => {
    expect(nextTopicIndex(current, count)).toBe(expected);
  });
});

describe('followUpAllowed', () => {
  it.each([
    ['no topic yet', {}, null, false],
    ['none asked', {}, 'Python', true],
    ['one asked', { Python: 1 }, 'Python', true],
    ['cap reached', { Python: 2 }, 'Python', false],
    ['other topic capped', { Go: 2 }, 'Python', true],
  ])('%s', (_name, counts: Record<string, number>, topic, expected) => {
    expect(followUpAllowed(counts, topic, settings)).toBe(expected);
  });
});

describe('limitsReached', () => {
  it.each([
    ['fresh', 1, 0, null],
    ['one question short', 15, 44 * MIN, null],
    ['question limit', 16, 1 * MIN, 'question-limit'],
    ['time limit exactly', 3, 45 * MIN, 'time-limit'],
    ['both: questions win', 16, 50 * MIN, 'question-limit'],
  ])('%s', (_name, mainQuestionsAsked, elapsed, expected) => {
    expect(limitsReached({ mainQuestionsAsked, startedAt: 1_000, now: 1_000 + elapsed, settings })).toBe(expected);
  });

  it('does not count time before the start', () => {
    expect(limitsReached({ mainQuestionsAsked: 1, startedAt: null, now: 10 * 60 * MIN, settings })).toBeNull();
  });
});

describe('counting questions: the limit counts main questions, follow-ups never use it up', () => {
  const asked = (...kinds: QuestionKind[]): TranscriptEntry[] =>
    kinds.flatMap((kind, index) => [
      { id: `q${String(index)}`, role: 'interviewer' as const, kind, text: '?', topic: null, at: index },
      { id: `a${String(index)}`, role: 'candidate' as const, text: '.', at: index },
    ]);

  it.each<[string, QuestionKind[], { mainQuestions: number; followUps: number }]>([
    ['nothing yet', [], { mainQuestions: 0, followUps: 0 }],
    ['the introduction is the first main question', ['introduction'], { mainQuestions: 1, followUps: 0 }],
    ['a new topic counts, its follow-ups do not', ['introduction', 'new-topic', 'follow-up', 'follow-up'], { mainQuestions: 2, followUps: 2 }],
    ['the closing is neither', ['introduction', 'new-topic', 'closing'], { mainQuestions: 2, followUps: 0 }],
  ])('%s', (_name, kinds, counts) => {
    expect(questionCounts(asked(...kinds))).toEqual(counts);
  });

  it.each<[QuestionKind, boolean]>([
    ['introduction', true],
    ['new-topic', true],
    ['follow-up', false],
    ['closing', false],
  ])('%s is a main question: %s', (kind, main) => {
    expect(isMainQuestion(kind)).toBe(main);
  });

  const three = { ...settings, maxQuestions: 3 };
  it.each<[string, QuestionKind[], 'question' | 'closing']>([
    ['two main questions of three: one more may come', ['introduction', 'new-topic'], 'question'],
    ['follow-ups do not bring the end closer', ['introduction', 'new-topic', 'follow-up', 'follow-up'], 'question'],
    ['three main questions of three: the closing', ['introduction', 'new-topic', 'new-topic'], 'closing'],
    ['three main questions with follow-ups between: the closing', ['introduction', 'new-topic', 'follow-up', 'new-topic'], 'closing'],
  ])('%s', (_name, kinds, next) => {
    const { mainQuestions } = questionCounts(asked(...kinds));
    const plan = planNextTurn({ mainQuestionsAsked: mainQuestions, currentTopicIndex: 0, followUpsByTopic: {}, startedAt: 0, now: MIN, settings: three }, ['A', 'B']);
    expect(plan.kind).toBe(next);
  });
});

describe('planNextTurn', () => {
  const topics = ['A', 'B', 'C'];
  const base: Progress = { mainQuestionsAsked: 1, currentTopicIndex: null, followUpsByTopic: {}, startedAt: 0, now: MIN, settings };
  it.each<[string, Partial<Progress>, TurnPlan]>([
    ['introduction first', { mainQuestionsAsked: 0 }, { kind: 'introduction' }],
    ['first topic after the introduction', {}, { kind: 'question', currentTopicIndex: null, nextTopicIndex: 0, followUpAllowed: false }],
    ['follow-up offered', { currentTopicIndex: 1 }, { kind: 'question', currentTopicIndex: 1, nextTopicIndex: 2, followUpAllowed: true }],
    ['follow-ups used up', { currentTopicIndex: 2, followUpsByTopic: { C: 2 } }, { kind: 'question', currentTopicIndex: 2, nextTopicIndex: 0, followUpAllowed: false }],
    ['closing at the question limit', { mainQuestionsAsked: 16 }, { kind: 'closing', reason: 'question-limit' }],
    ['closing at the time limit', { now: 46 * MIN }, { kind: 'closing', reason: 'time-limit' }],
  ])('%s', (_name, patch, expected) => {
    expect(planNextTurn({ ...base, ...patch }, topics)).toEqual(expected);
  });
});

describe('resolveDecision', () => {
  const offered = { kind: 'question', currentTopicIndex: 1, nextTopicIndex: 2, followUpAllowed: true } as const;
  const capped = { ...offered, followUpAllowed: false } as const;
  it.each([
    ['follow-up offered and taken', offered, 'FOLLOW_UP', { decision: 'FOLLOW_UP', kind: 'follow-up', topicIndex: 1 }],
    ['next topic', offered, 'NEXT_TOPIC', { decision: 'NEXT_TOPIC', kind: 'new-topic', topicIndex: 2 }],
    ['no decision means next topic', offered, null, { decision: 'NEXT_TOPIC', kind: 'new-topic', topicIndex: 2 }],
    ['follow-up beyond the cap is ignored', capped, 'FOLLOW_UP', { decision: 'NEXT_TOPIC', kind: 'new-topic', topicIndex: 2 }],
  ] as const)('%s', (_name, plan, decision, expected) => {
    expect(resolveDecision(plan, decision)).toEqual(expected);
  });

  it('counts follow-ups only', () => {
    expect(countFollowUp({ A: 1 }, { decision: 'FOLLOW_UP', kind: 'follow-up', topicIndex: 0 }, 'A')).toEqual({ A: 2 });
    expect(countFollowUp({ A: 1 }, { decision: 'NEXT_TOPIC', kind: 'new-topic', topicIndex: 1 }, 'B')).toEqual({ A: 1 });
  });
});

describe('recentMessages', () => {
  const transcript: TranscriptEntry[] = Array.from({ length: 9 }, (_, i) =>
    i % 2 === 0
      ? { id: `x-${String(i)}`, role: 'interviewer', kind: 'new-topic', text: `q${String(i)}`, topic: 'A', at: i }
      : { id: `x-${String(i)}`, role: 'candidate', text: `a${String(i)}`, at: i },
  );
  it('keeps the last six, oldest first', () => {
    expect(recentMessages(transcript).map((message) => message.text)).toEqual(['a3', 'q4', 'a5', 'q6', 'a7', 'q8']);
  });
  it('keeps fewer when there are fewer', () => {
    expect(recentMessages(transcript.slice(0, 2))).toEqual([
      { role: 'interviewer', text: 'q0' },
      { role: 'candidate', text: 'a1' },
    ]);
  });
  it('keeps none for a limit of zero', () => {
    expect(recentMessages(transcript, 0)).toEqual([]);
  });
});
