// The interview's rules as pure functions: topic rotation, the follow-up cap, time and question limits,
// and what kind of turn comes next (the seed's check_time and process_answer routing).
// The one counting rule: the question limit counts main questions (the introduction and each new topic); follow-ups
// never use it up, and are capped per topic instead. The progress line, the prompts and the closing count the same way.
import type { ClosingReason, RecentMessage } from './turn.ts';
import type { InterviewSettings, QuestionKind, TranscriptEntry, TurnDecision } from './types.ts';

/** Messages of the transcript the model sees per turn (the seed's CONTEXT_MESSAGE_LIMIT). */
export const CONTEXT_MESSAGE_LIMIT = 6;

/** Tries of the document analysis before the machine gives up (1 + 2 retries). */
export const MAX_ANALYSIS_ATTEMPTS = 3;

/** Tries of one interviewer turn before the machine gives up (1 + 2 retries). */
export const MAX_TURN_ATTEMPTS = 3;

/** What the next interviewer turn is. Topic indexes point into the plan's topics. */
export type TurnPlan =
  | { kind: 'introduction' }
  | { kind: 'question'; currentTopicIndex: number | null; nextTopicIndex: number; followUpAllowed: boolean }
  | { kind: 'closing'; reason: ClosingReason };

/** Where the interview stands, as far as the rules care. */
export interface Progress {
  /** Main questions asked so far (the introduction included): what the question limit counts. */
  mainQuestionsAsked: number;
  currentTopicIndex: number | null;
  followUpsByTopic: Readonly<Record<string, number>>;
  startedAt: number | null;
  now: number;
  settings: InterviewSettings;
}

/** The topic after `current` in the rotation (the first one when there is none yet). */
export function nextTopicIndex(current: number | null, topicCount: number): number {
  if (topicCount <= 0) return 0;
  return current === null ? 0 : (current + 1) % topicCount;
}

/** How many follow-ups were asked on a topic (by topic id). */
export function followUpsUsed(followUpsByTopic: Readonly<Record<string, number>>, topic: string): number {
  return followUpsByTopic[topic] ?? 0;
}

/** Whether another follow-up on `topic` stays within the per-topic cap. */
export function followUpAllowed(followUpsByTopic: Readonly<Record<string, number>>, topic: string | null, settings: InterviewSettings): boolean {
  return topic !== null && followUpsUsed(followUpsByTopic, topic) < settings.maxFollowUpsPerTopic;
}

/** Main questions are the introduction and each new topic; a follow-up belongs to the question before it. */
export function isMainQuestion(kind: QuestionKind): boolean {
  return kind === 'introduction' || kind === 'new-topic';
}

/** How many main questions and follow-ups the transcript holds (the closing is neither). */
export function questionCounts(transcript: readonly TranscriptEntry[]): { mainQuestions: number; followUps: number } {
  let mainQuestions = 0;
  let followUps = 0;
  for (const entry of transcript) {
    if (entry.role !== 'interviewer') continue;
    if (isMainQuestion(entry.kind)) mainQuestions++;
    else if (entry.kind === 'follow-up') followUps++;
  }
  return { mainQuestions, followUps };
}

/**
 * Which limit ends the interview now, if any: the question count first, then the time. Once the last main question
 * is answered the interview closes (it gets no follow-up: a follow-up would be a question past the limit's end).
 */
export function limitsReached(input: { mainQuestionsAsked: number; startedAt: number | null; now: number; settings: InterviewSettings }): ClosingReason | null {
  if (input.mainQuestionsAsked >= input.settings.maxQuestions) return 'question-limit';
  if (input.startedAt !== null && input.now - input.startedAt >= input.settings.maxMinutes * 60_000) return 'time-limit';
  return null;
}

/** The turn that follows: the introduction first, a closing when a limit is reached, else a question. `topics` are the plan's topic ids. */
export function planNextTurn(progress: Progress, topics: readonly string[]): TurnPlan {
  if (progress.mainQuestionsAsked === 0) return { kind: 'introduction' };
  const reason = limitsReached(progress);
  if (reason !== null) return { kind: 'closing', reason };
  return planQuestion(progress, topics);
}

/** A question turn from where the interview stands: the current topic, the next by rotation, and whether a follow-up is allowed. `topics` are ids. */
export function planQuestion(progress: Pick<Progress, 'currentTopicIndex' | 'followUpsByTopic' | 'settings'>, topics: readonly string[]): Extract<TurnPlan, { kind: 'question' }> {
  const current = progress.currentTopicIndex;
  const currentTopic = current === null ? null : (topics[current] ?? null);
  return {
    kind: 'question',
    currentTopicIndex: current,
    nextTopicIndex: nextTopicIndex(current, topics.length),
    followUpAllowed: followUpAllowed(progress.followUpsByTopic, currentTopic, progress.settings),
  };
}

/** The outcome of a question turn once the model's decision is known; a FOLLOW_UP beyond the cap counts as NEXT_TOPIC. */
export interface ResolvedDecision {
  decision: TurnDecision;
  kind: 'follow-up' | 'new-topic';
  topicIndex: number;
}

/** Applies the cap to the model's decision (a missing decision means NEXT_TOPIC). */
export function resolveDecision(plan: Extract<TurnPlan, { kind: 'question' }>, decision: TurnDecision | null): ResolvedDecision {
  if (decision === 'FOLLOW_UP' && plan.followUpAllowed && plan.currentTopicIndex !== null) {
    return { decision: 'FOLLOW_UP', kind: 'follow-up', topicIndex: plan.currentTopicIndex };
  }
  return { decision: 'NEXT_TOPIC', kind: 'new-topic', topicIndex: plan.nextTopicIndex };
}

/** The follow-up counts after a resolved question was asked. */
export function countFollowUp(followUpsByTopic: Readonly<Record<string, number>>, resolved: ResolvedDecision, topic: string): Record<string, number> {
  if (resolved.kind !== 'follow-up') return { ...followUpsByTopic };
  return { ...followUpsByTopic, [topic]: followUpsUsed(followUpsByTopic, topic) + 1 };
}

/** The last `limit` transcript entries as model context, oldest first. */
export function recentMessages(transcript: readonly TranscriptEntry[], limit: number = CONTEXT_MESSAGE_LIMIT): RecentMessage[] {
  if (limit <= 0) return [];
  return transcript.slice(-limit).map((entry) => ({ role: entry.role, text: entry.text }));
}
