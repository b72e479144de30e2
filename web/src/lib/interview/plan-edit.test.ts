// What the candidate does to the plan on the setup screen: rename, settle a name, remove, move, add.
import { describe, expect, it } from 'vitest';
import { addTopic, canAddTopic, moveTopic, removeTopic, renameTopic, settledPlan, settleTopicName } from './plan-edit.ts';
import { MAX_TOPICS } from './plan.ts';
import { planWith } from './testdata/plans.ts';

const names = (plan: { topics: { name: string }[] }) => plan.topics.map((topic) => topic.name);
const base = planWith(['Python', 'Go', 'Kafka']);

describe('plan editing', () => {
  it('renames a topic and keeps its id, why and probes', () => {
    const plan = renameTopic(base, 't2', 'Go  services');
    expect(plan.topics[1]).toEqual({ ...base.topics[1], name: 'Go services' });
    expect(base.topics[1]?.name).toBe('Go');
  });

  it('keeps an emptied name while it is typed, and gives the old one back when editing ends empty', () => {
    const emptied = renameTopic(base, 't1', '');
    expect(names(emptied)).toEqual(['', 'Go', 'Kafka']);
    expect(names(settleTopicName(emptied, 't1', 'Python'))).toEqual(['Python', 'Go', 'Kafka']);
    expect(names(settleTopicName(renameTopic(base, 't1', '  **Python 3** '), 't1', 'Python'))).toEqual(['Python 3', 'Go', 'Kafka']);
  });

  it('removes a topic but never the last one', () => {
    expect(names(removeTopic(base, 't2'))).toEqual(['Python', 'Kafka']);
    const single = planWith(['Only']);
    expect(removeTopic(single, 't1')).toBe(single);
  });

  it.each([
    ['earlier', 't2', -1, ['Go', 'Python', 'Kafka']],
    ['later', 't2', 1, ['Python', 'Kafka', 'Go']],
    ['not before the first', 't1', -1, ['Python', 'Go', 'Kafka']],
    ['not after the last', 't3', 1, ['Python', 'Go', 'Kafka']],
    ['unknown id', 'zz', 1, ['Python', 'Go', 'Kafka']],
  ])('moves a topic %s', (_name, id, offset, expected) => {
    expect(names(moveTopic(base, id, offset))).toEqual(expected);
  });

  it('adds a named topic at the end with a fresh id and nothing else', () => {
    const added = addTopic(base, '  Salary negotiation ');
    expect(added?.topic).toEqual({ id: 'c1', name: 'Salary negotiation', why: '', requirementIds: [], probes: [] });
    expect(names(added!.plan)).toEqual(['Python', 'Go', 'Kafka', 'Salary negotiation']);
    expect(addTopic(added!.plan, 'Another')?.topic.id).toBe('c2');
    expect(addTopic(base, '   ')).toBeNull();
  });

  it('adds no more than the most topics a plan holds', () => {
    const full = planWith(Array.from({ length: MAX_TOPICS }, (_, i) => `Topic ${String(i)}`));
    expect(canAddTopic(full)).toBe(false);
    expect(addTopic(full, 'One more')).toBeNull();
  });

  it('settles the plan for the start: cleaned names, empty ones dropped', () => {
    const plan = renameTopic(renameTopic(base, 't1', ''), 't2', '- Go');
    expect(names(settledPlan(plan))).toEqual(['Go', 'Kafka']);
  });
});
