// The interview plan as data: cleaning its parts, reading any stored shape of it (older interviews saved
// `{ strategy, topics: string[] }`), and what one topic brings to a turn's prompt. Pure.
import {
  DEFAULT_PROFILE,
  INTERVIEW_LEVELS,
  INTERVIEW_TYPES,
  type InterviewLevel,
  type InterviewPlan,
  type InterviewProfile,
  type InterviewType,
  type PlanRequirement,
  type PlanTopic,
} from './types.ts';

/** The most topics a plan holds (the analysis is asked for 3 to 8; the candidate may add more). */
export const MAX_TOPICS = 10;
/** The most topics kept from the analysis. */
export const MAX_ANALYSIS_TOPICS = 8;
/** The most probes kept per topic. */
export const MAX_PROBES = 4;
/** The most requirements kept from the job description. */
export const MAX_REQUIREMENTS = 12;
/** A probe is kept only between these lengths (characters): long enough to name something, short enough to be a pointer. */
export const PROBE_CHARS = { min: 6, max: 160 } as const;
/** A requirement phrase is kept only between these lengths (characters). */
export const REQUIREMENT_CHARS = { min: 2, max: 120 } as const;
/** A topic name longer than this is cut (characters). */
export const TOPIC_NAME_MAX_CHARS = 80;
/** A topic's "why" longer than this is cut (characters). */
export const WHY_MAX_CHARS = 200;

/** One topic as a turn's prompt needs it: names and phrases only, ids resolved. */
export interface TopicBrief {
  name: string;
  why: string;
  requirements: string[];
  probes: string[];
}

/** Trims a topic name, removes list marks and markdown; '' when nothing is left. */
export function cleanTopicName(raw: string): string {
  return cut(
    oneLine(raw)
      .replace(/[*_`#]/g, '')
      .replace(/^\s*(?:[-•]|\d+[.)])\s+/, '')
      .trim(),
    TOPIC_NAME_MAX_CHARS,
  );
}

/** Keeps only probes that are strings of sensible length (one line, at least two words), without duplicates, at most four. */
export function cleanProbes(raw: unknown): string[] {
  return cleanPhrases(raw, PROBE_CHARS, MAX_PROBES, 2);
}

/** Keeps only requirement phrases of sensible length, without duplicates, at most twelve. */
export function cleanRequirementTexts(raw: unknown): string[] {
  return cleanPhrases(raw, REQUIREMENT_CHARS, MAX_REQUIREMENTS, 1);
}

/** A topic's "why": one line, cut to a sensible length. */
export function cleanWhy(raw: unknown): string {
  return typeof raw === 'string' ? cut(oneLine(raw).replace(/[*_`#]/g, ''), WHY_MAX_CHARS) : '';
}

/** Whether a value is an interview type. */
export function isInterviewType(value: unknown): value is InterviewType {
  return typeof value === 'string' && (INTERVIEW_TYPES as readonly string[]).includes(value);
}

/** Whether a value is an interview level. */
export function isInterviewLevel(value: unknown): value is InterviewLevel {
  return typeof value === 'string' && (INTERVIEW_LEVELS as readonly string[]).includes(value);
}

/**
 * Reads a plan in any shape this app ever stored: today's, or the first one (`{ strategy, topics: string[] }`,
 * whose topics become topics with no why, requirements or probes). Unknown fields are dropped, bad parts
 * cleaned; null when there is no usable plan (no topic with a name). With `namesAsTyped` (a plan being edited), topic
 * names are kept exactly as typed, an empty or repeated one included, so an input never changes under the cursor.
 */
export function normalisePlan(raw: unknown, fallbackProfile: InterviewProfile = DEFAULT_PROFILE, options: { namesAsTyped?: boolean } = {}): InterviewPlan | null {
  if (!isRecord(raw) || !Array.isArray(raw.topics)) return null;
  const requirements = readRequirements(raw.requirements);
  const known = new Set(requirements.map((requirement) => requirement.id));
  const topics: PlanTopic[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const [index, item] of raw.topics.entries()) {
    const topic = readTopic(item, index, known, options.namesAsTyped === true);
    const key = topic?.name.toLowerCase();
    if (!topic || key === undefined || (options.namesAsTyped !== true && names.has(key))) continue;
    if (ids.has(topic.id)) topic.id = freeId(ids, 't');
    names.add(key);
    ids.add(topic.id);
    topics.push(topic);
    if (topics.length === MAX_TOPICS) break;
  }
  if (topics.length === 0) return null;
  return {
    strategy: typeof raw.strategy === 'string' ? raw.strategy.trim() : '',
    interviewType: isInterviewType(raw.interviewType) ? raw.interviewType : fallbackProfile.interviewType,
    level: isInterviewLevel(raw.level) ? raw.level : raw.level === null ? null : fallbackProfile.level,
    requirements,
    topics,
  };
}

/** Whether a stored plan is in the first shape (topics as plain names). */
export function isLegacyPlan(raw: unknown): boolean {
  return isRecord(raw) && Array.isArray(raw.topics) && raw.topics.some((topic) => typeof topic === 'string');
}

/** The plan reduced to what interviews had before plans carried requirements and probes: the strategy and topic names. */
export function legacyPlanOf(plan: InterviewPlan): InterviewPlan {
  return {
    strategy: plan.strategy,
    interviewType: DEFAULT_PROFILE.interviewType,
    level: null,
    requirements: [],
    topics: plan.topics.map((topic) => ({ id: topic.id, name: topic.name, why: '', requirementIds: [], probes: [] })),
  };
}

/** What a topic brings to a turn's prompt: its requirement ids resolved to their phrases. */
export function topicBrief(plan: InterviewPlan, topic: PlanTopic): TopicBrief {
  const byId = new Map(plan.requirements.map((requirement) => [requirement.id, requirement.text]));
  const requirements = topic.requirementIds.flatMap((id) => {
    const text = byId.get(id);
    return text === undefined ? [] : [text];
  });
  return { name: topic.name, why: topic.why, requirements, probes: [...topic.probes] };
}

/** An id of the form `${prefix}${n}` not yet in `taken`. */
export function freeId(taken: ReadonlySet<string>, prefix: string): string {
  let n = 1;
  while (taken.has(`${prefix}${String(n)}`)) n++;
  return `${prefix}${String(n)}`;
}

function readRequirements(raw: unknown): PlanRequirement[] {
  if (!Array.isArray(raw)) return [];
  const kept: PlanRequirement[] = [];
  const ids = new Set<string>();
  const texts = new Set<string>();
  for (const item of raw) {
    const text = cleanRequirementTexts([isRecord(item) ? item.text : item])[0];
    if (text === undefined || texts.has(text.toLowerCase())) continue;
    const id = isRecord(item) && typeof item.id === 'string' && item.id !== '' && !ids.has(item.id) ? item.id : freeId(ids, 'r');
    ids.add(id);
    texts.add(text.toLowerCase());
    kept.push({ id, text });
    if (kept.length === MAX_REQUIREMENTS) break;
  }
  return kept;
}

function readTopic(item: unknown, index: number, requirementIds: ReadonlySet<string>, nameAsTyped: boolean): PlanTopic | null {
  const fallbackId = `t${String(index + 1)}`;
  if (typeof item === 'string') {
    const name = cleanTopicName(item);
    return name === '' ? null : { id: fallbackId, name, why: '', requirementIds: [], probes: [] };
  }
  if (!isRecord(item) || typeof item.name !== 'string') return null;
  const name = nameAsTyped ? item.name : cleanTopicName(item.name);
  if (name === '' && !nameAsTyped) return null;
  const wanted = Array.isArray(item.requirementIds) ? item.requirementIds : [];
  return {
    id: typeof item.id === 'string' && item.id !== '' ? item.id : fallbackId,
    name,
    why: cleanWhy(item.why),
    requirementIds: [...new Set(wanted.filter((id): id is string => typeof id === 'string' && requirementIds.has(id)))],
    probes: cleanProbes(item.probes),
  };
}

function cleanPhrases(raw: unknown, chars: { min: number; max: number }, limit: number, minWords: number): string[] {
  if (!Array.isArray(raw)) return [];
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'string') continue;
    const text = oneLine(item)
      .replace(/^\s*(?:[-•]|\d+[.)])\s+/, '')
      .replace(/[*_`#]/g, '')
      .trim();
    const key = text.toLowerCase();
    if (text.length < chars.min || text.length > chars.max || text.split(' ').length < minWords || seen.has(key)) continue;
    seen.add(key);
    kept.push(text);
    if (kept.length === limit) break;
  }
  return kept;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
