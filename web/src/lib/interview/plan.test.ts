// Reading stored plans of any shape, the earlier shape included, and what a topic brings to a prompt.
import { describe, expect, it } from 'vitest';
import { cleanProbes, isLegacyPlan, legacyPlanOf, normalisePlan, topicBrief } from './plan.ts';
import { planWith } from './testdata/plans.ts';

describe('normalisePlan', () => {
  it('reads the earlier shape { strategy, topics: string[] } as topics without why, requirements or probes', () => {
    expect(normalisePlan({ strategy: 'Probe payments.', topics: ['Payments', 'On-call'] })).toEqual({
      strategy: 'Probe payments.',
      interviewType: 'mixed',
      level: null,
      requirements: [],
      topics: [
        { id: 't1', name: 'Payments', why: '', requirementIds: [], probes: [] },
        { id: 't2', name: 'On-call', why: '', requirementIds: [], probes: [] },
      ],
    });
  });

  it('keeps today’s shape as it is', () => {
    const plan = planWith(['Python', 'Go']);
    expect(normalisePlan(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it('drops unknown requirement ids, repeated topic ids and names, and bad fields', () => {
    const raw = {
      strategy: 7,
      interviewType: 'friendly',
      level: 'guru',
      requirements: [{ id: 'r1', text: 'Go' }, { id: 'r1', text: 'Rust' }, 'Kafka', { text: '' }],
      topics: [
        { id: 't1', name: 'Go', why: 3, requirementIds: ['r1', 'r9', 4], probes: 'no' },
        { id: 't1', name: 'Rust', requirementIds: ['r2'] },
        { id: 't3', name: 'go' },
        { name: '' },
        null,
      ],
    };
    expect(normalisePlan(raw, { interviewType: 'technical', level: 'mid' })).toEqual({
      strategy: '',
      interviewType: 'technical',
      level: 'mid',
      requirements: [
        { id: 'r1', text: 'Go' },
        { id: 'r2', text: 'Rust' },
        { id: 'r3', text: 'Kafka' },
      ],
      topics: [
        { id: 't1', name: 'Go', why: '', requirementIds: ['r1'], probes: [] },
        { id: 't2', name: 'Rust', why: '', requirementIds: ['r2'], probes: [] },
      ],
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'plan'],
    ['no topics', { strategy: 's' }],
    ['only empty topics', { strategy: 's', topics: ['', { name: ' ' }] }],
  ])('gives null for %s', (_name, raw) => {
    expect(normalisePlan(raw)).toBeNull();
  });

  it('tells the earlier shape apart', () => {
    expect(isLegacyPlan({ strategy: 's', topics: ['a'] })).toBe(true);
    expect(isLegacyPlan(planWith(['a']))).toBe(false);
    expect(isLegacyPlan(null)).toBe(false);
  });
});

describe('legacyPlanOf', () => {
  it('keeps only the strategy and the topic names, as interviews had before', () => {
    const legacy = legacyPlanOf(planWith(['Python', 'Go'], 'Probe.'));
    expect(legacy).toEqual({
      strategy: 'Probe.',
      interviewType: 'mixed',
      level: null,
      requirements: [],
      topics: [
        { id: 't1', name: 'Python', why: '', requirementIds: [], probes: [] },
        { id: 't2', name: 'Go', why: '', requirementIds: [], probes: [] },
      ],
    });
  });
});

describe('topicBrief', () => {
  it('resolves requirement ids to their phrases and skips unknown ones', () => {
    const plan = planWith(['Python', 'Go']);
    const topic = { ...plan.topics[0]!, requirementIds: ['r2', 'r7', 'r1'] };
    expect(topicBrief(plan, topic)).toEqual({ name: 'Python', why: 'The role needs Python.', requirements: ['Go in production', 'Python in production'], probes: topic.probes });
  });
});

describe('cleanProbes', () => {
  it('gives nothing for anything but a list', () => {
    expect(cleanProbes({ 0: 'Led the move' })).toEqual([]);
  });
});
