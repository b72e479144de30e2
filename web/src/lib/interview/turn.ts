// The contract between the machine and its LLM actors: what each actor is given and what a turn reports back.
// Everything here is plain data, because invoked actors' inputs are part of the persisted snapshot.
import type { TopicBrief } from './plan.ts';
import type { InterviewDocuments, InterviewProfile, InterviewSettings, TurnDecision } from './types.ts';

/** One message of the recent conversation given to the model. */
export interface RecentMessage {
  role: 'interviewer' | 'candidate';
  text: string;
}

/** Why the interview is closing. */
export type ClosingReason = 'question-limit' | 'time-limit' | 'ended';

/** Input of the `analyzeDocuments` actor. */
export interface AnalysisInput {
  documents: InterviewDocuments;
  settings: InterviewSettings;
  profile: InterviewProfile;
}

/** Input of the `streamTurn` actor: everything one interviewer turn's prompt needs. */
export type TurnInput = IntroductionTurnInput | QuestionTurnInput | ClosingTurnInput;

/** The first turn: a warm welcome and an opening question. */
export interface IntroductionTurnInput {
  kind: 'introduction';
  model: string;
  strategy: string;
  profile: InterviewProfile;
  /** The topic names, in order. */
  topics: string[];
  maxQuestions: number;
  maxMinutes: number;
}

/** A turn after an answer: the model decides follow-up or next topic, then asks. */
export interface QuestionTurnInput {
  kind: 'question';
  model: string;
  strategy: string;
  profile: InterviewProfile;
  /** The topic of the last question; null right after the introduction. */
  currentTopic: TopicBrief | null;
  /** The topic the rotation moves to on NEXT_TOPIC. */
  nextTopic: TopicBrief;
  /** False once the current topic's follow-ups are used up: the prompt then asks for the next topic only. */
  followUpAllowed: boolean;
  followUpsUsed: number;
  maxFollowUps: number;
  /** The last messages of the transcript, oldest first (at most the context limit). */
  recent: RecentMessage[];
  /** The number this question will have if it opens a new topic (1-based, main questions only: follow-ups do not count). */
  questionNumber: number;
  maxQuestions: number;
  elapsedMinutes: number;
  maxMinutes: number;
}

/** The last turn: a warm close that says what happens next. */
export interface ClosingTurnInput {
  kind: 'closing';
  model: string;
  reason: ClosingReason;
  recent: RecentMessage[];
  /** Main questions asked (the introduction and each new topic). */
  questionsAsked: number;
  followUpsAsked: number;
  elapsedMinutes: number;
}

/**
 * What a `streamTurn` actor sends back to the machine, in order, for each try:
 * TURN_STARTED first (warning: required, it discards text a restored or retried turn streamed before),
 * then at most one TURN_DECISION before any TURN_DELTA, then TURN_DONE or TURN_FAILED.
 * TURN_RETRYING may come at any time and also discards the text so far.
 */
export type TurnEvent =
  | { type: 'TURN_STARTED' }
  | { type: 'TURN_DECISION'; decision: TurnDecision }
  | { type: 'TURN_DELTA'; text: string }
  | { type: 'TURN_RETRYING'; attempt: number; delayMs: number }
  | { type: 'TURN_DONE' }
  | { type: 'TURN_FAILED'; message: string; retryable: boolean };
