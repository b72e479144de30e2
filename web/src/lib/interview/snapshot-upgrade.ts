// Brings a persisted interview snapshot saved by an earlier version of the app up to today's shape, so old
// interviews (saved in IndexedDB or imported from JSON) open and resume. Pure: a copy in, a copy out.
// Earlier shapes: the plan was `{ strategy, topics: string[] }`, follow-ups were counted by topic name,
// transcript entries had no topic id, there was no interview type or level, no speech timings and no time-limit fields.
import { isInterviewLevel, isInterviewType, isLegacyPlan, normalisePlan } from './plan.ts';
import { turnInputFor, type InterviewContext } from './machine.ts';
import { DEFAULT_PROFILE, type InterviewPlan, type InterviewProfile } from './types.ts';

type Json = Record<string, unknown>;

/**
 * Today's shape of a persisted snapshot (anything that is not one is given back as it is). `now` dates the
 * recomputed input of a turn that was streaming when the snapshot was saved (it is asked again on restore).
 */
export function upgradeInterviewSnapshot(snapshot: unknown, now: number = Date.now()): unknown {
  if (!isRecord(snapshot) || !isRecord(snapshot.context)) return snapshot;
  const context = snapshot.context;
  const legacy = isLegacyPlan(context.plan);
  const profile = profileOf(context);
  const plan = context.plan === null || context.plan === undefined ? null : normalisePlan(context.plan, profile);
  const upgraded: Json = {
    ...context,
    profile,
    plan,
    speechTimings: Array.isArray(context.speechTimings) ? context.speechTimings : [],
    draftListening: context.draftListening ?? null,
    overtimeSince: typeof context.overtimeSince === 'number' ? context.overtimeSince : null,
    // Nothing is being spoken in a page that just loaded: the microphone reports again once it is there.
    answeringAloud: false,
    followUpsByTopic: legacy && plan ? byTopicId(context.followUpsByTopic, plan) : isRecord(context.followUpsByTopic) ? context.followUpsByTopic : {},
    transcript: Array.isArray(context.transcript) ? context.transcript.map((entry) => withTopicId(entry, plan)) : [],
  };
  return { ...snapshot, context: upgraded, ...(isRecord(snapshot.children) ? { children: upgradeChildren(snapshot.children, upgraded, legacy, now) } : {}) };
}

/** The profile a stored context had, or what an interview without one behaved like (mixed, no level). */
function profileOf(context: Json): InterviewProfile {
  const stored = isRecord(context.profile) ? context.profile : isRecord(context.plan) ? context.plan : {};
  return {
    interviewType: isInterviewType(stored.interviewType) ? stored.interviewType : DEFAULT_PROFILE.interviewType,
    level: isInterviewLevel(stored.level) ? stored.level : null,
  };
}

/** Follow-up counts kept by topic name, re-keyed by the ids the upgraded plan gave those topics. */
function byTopicId(counts: unknown, plan: InterviewPlan): Record<string, number> {
  if (!isRecord(counts)) return {};
  const idOf = new Map(plan.topics.map((topic) => [topic.name.toLowerCase(), topic.id]));
  const upgraded: Record<string, number> = {};
  for (const [name, count] of Object.entries(counts)) {
    const id = idOf.get(name.toLowerCase());
    if (id !== undefined && typeof count === 'number') upgraded[id] = count;
  }
  return upgraded;
}

/** An interviewer entry with the id of its topic (found by name in entries saved before topics had ids). */
function withTopicId(entry: unknown, plan: InterviewPlan | null): unknown {
  if (!isRecord(entry) || entry.role !== 'interviewer' || typeof entry.topicId === 'string' || entry.topicId === null) return entry;
  const name = typeof entry.topic === 'string' ? entry.topic.toLowerCase() : null;
  const topic = name === null ? undefined : plan?.topics.find((candidate) => candidate.name.toLowerCase() === name);
  return { ...entry, topicId: topic?.id ?? null };
}

// Warning: a restored invoked actor starts from the input saved in its persisted snapshot, not from the context,
// so an old-shape turn or analysis input must be rebuilt here or the restored call would read the old shape.
function upgradeChildren(children: Json, context: Json, legacy: boolean, now: number): Json {
  const upgraded: Json = { ...children };
  const turn = children.turn;
  if (legacy && isRecord(turn) && isRecord(turn.snapshot) && isRecord(context.turn)) {
    upgraded.turn = { ...turn, snapshot: { ...turn.snapshot, input: turnInputFor(context as unknown as InterviewContext, now) } };
  }
  const analysis = children.analysis;
  if (isRecord(analysis) && isRecord(analysis.snapshot) && isRecord(analysis.snapshot.input) && !isRecord(analysis.snapshot.input.profile)) {
    upgraded.analysis = { ...analysis, snapshot: { ...analysis.snapshot, input: { ...analysis.snapshot.input, profile: context.profile } } };
  }
  return upgraded;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
