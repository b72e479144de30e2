// What the candidate can do to a plan before the interview starts: rename, remove, move and add topics.
// Pure: each returns a new plan (the same one when the change is not allowed).
import { cleanTopicName, freeId, MAX_TOPICS } from './plan.ts';
import type { InterviewPlan, PlanTopic } from './types.ts';

/** Renames a topic. The name is kept as typed (an empty one too, while it is being typed); see `settleTopicName`. */
export function renameTopic(plan: InterviewPlan, id: string, name: string): InterviewPlan {
  return withTopics(
    plan,
    plan.topics.map((topic) => (topic.id === id ? { ...topic, name: name.replace(/\s+/g, ' ').trimStart() } : topic)),
  );
}

/** Once editing a name ends: cleans it, and gives back `previous` when nothing usable is left. */
export function settleTopicName(plan: InterviewPlan, id: string, previous: string): InterviewPlan {
  return withTopics(
    plan,
    plan.topics.map((topic) => {
      if (topic.id !== id) return topic;
      const name = cleanTopicName(topic.name);
      return { ...topic, name: name === '' ? previous : name };
    }),
  );
}

/** Removes a topic; the last one stays (an interview needs at least one). */
export function removeTopic(plan: InterviewPlan, id: string): InterviewPlan {
  if (plan.topics.length <= 1) return plan;
  return withTopics(
    plan,
    plan.topics.filter((topic) => topic.id !== id),
  );
}

/** Moves a topic by `offset` places (-1 earlier, +1 later), staying within the list. */
export function moveTopic(plan: InterviewPlan, id: string, offset: number): InterviewPlan {
  const from = plan.topics.findIndex((topic) => topic.id === id);
  const to = from + offset;
  if (from < 0 || to < 0 || to >= plan.topics.length || offset === 0) return plan;
  const topics = [...plan.topics];
  const [moved] = topics.splice(from, 1);
  if (moved) topics.splice(to, 0, moved);
  return withTopics(plan, topics);
}

/** Whether another topic can be added. */
export function canAddTopic(plan: InterviewPlan): boolean {
  return plan.topics.length < MAX_TOPICS;
}

/** Adds a topic the candidate named, at the end, with no why, requirements or probes; null when the name is empty or the plan full. */
export function addTopic(plan: InterviewPlan, name: string): { plan: InterviewPlan; topic: PlanTopic } | null {
  const cleaned = cleanTopicName(name);
  if (cleaned === '' || !canAddTopic(plan)) return null;
  const topic: PlanTopic = { id: freeId(new Set(plan.topics.map((existing) => existing.id)), 'c'), name: cleaned, why: '', requirementIds: [], probes: [] };
  return { plan: withTopics(plan, [...plan.topics, topic]), topic };
}

/** The plan ready to start from: names cleaned, empty ones dropped (at least one topic is kept). */
export function settledPlan(plan: InterviewPlan): InterviewPlan {
  const topics = plan.topics.flatMap((topic) => {
    const name = cleanTopicName(topic.name);
    return name === '' ? [] : [{ ...topic, name }];
  });
  return topics.length === 0 ? plan : withTopics(plan, topics);
}

function withTopics(plan: InterviewPlan, topics: PlanTopic[]): InterviewPlan {
  return { ...plan, topics };
}
