// What the UI reads from an interview snapshot (the seed's /interview-status and the streamed question).
// Pure functions of the snapshot; no component reaches into the context directly.
import type { SnapshotFrom } from 'xstate';
import type { interviewMachine } from './machine.ts';
import { isMainQuestion, resolveDecision } from './policy.ts';
import { graceLeftMs, timeLeftMs, timeStage, type TimeStage } from './time-limit.ts';
import type { InterviewPlan, SpeechTiming, TranscriptEntry, TurnTiming } from './types.ts';
import { canWithdrawAnswer } from './withdraw.ts';
import { assertNever } from '../common/index.ts';

/** A snapshot of the interview machine (live, or restored from a persisted one). */
export type InterviewSnapshot = SnapshotFrom<typeof interviewMachine>;

/** The phase the UI shows. */
export type InterviewPhase = 'idle' | 'analyzing' | 'asking' | 'awaiting-answer' | 'concluding' | 'concluded' | 'failed';

/** Where the interview stands, at a glance. */
export interface InterviewStatus {
  phase: InterviewPhase;
  questionsAsked: number;
  maxQuestions: number;
  elapsedMs: number;
  limitMs: number;
  /** The topic of the question being asked or last asked; null before the first topic. */
  topic: string | null;
  /** The main question on screen, counted without follow-ups (the introduction is 1); 0 before the first. */
  mainQuestion: number;
  /** Whether the question on screen digs deeper into the previous one rather than opening a topic. */
  followUp: boolean;
  /** The interviewer is working on its next words and none have arrived yet. */
  thinking: boolean;
  /** The answer just sent may still be taken back (ANSWER_WITHDRAWN). */
  canWithdraw: boolean;
  concluded: boolean;
  retrying: { attempt: number; delayMs: number } | null;
  error: string | null;
}

/** The question on screen: the streamed text while it streams, else the last interviewer entry. */
export interface CurrentQuestion {
  /** The question's transcript id (also while it streams): what the voice keys its pieces and timings by. */
  id: string;
  text: string;
  streaming: boolean;
}

/** When the candidate's answer went in and the question's first token came back (epoch ms), for speech timings. */
export interface QuestionMarks {
  answerSubmittedAt: number | null;
  firstTokenAt: number | null;
}

/** The time limit as the candidate sees it. */
export interface TimeLimitView {
  /** Milliseconds left (negative past the limit); null before the interview started. */
  leftMs: number | null;
  stage: TimeStage;
  /** Once the time is up: whether the closing waits for the candidate's spoken sentence to end. */
  waitingForSpeech: boolean;
  /** Once the time is up: milliseconds of the typing grace left; null before. */
  graceLeftMs: number | null;
}

/** The time limit at `now`, while the interview runs (the stage is 'running' once it has ended). */
export function selectTimeLimit(snapshot: InterviewSnapshot, now: number): TimeLimitView {
  const { context } = snapshot;
  const ended = snapshot.value === 'concluding' || snapshot.value === 'concluded';
  const leftMs = ended ? null : timeLeftMs(context.startedAt, context.settings.maxMinutes, now);
  const stage = timeStage(leftMs);
  const overtime = stage === 'overtime' && snapshot.value === 'awaitingAnswer';
  return {
    leftMs,
    stage,
    waitingForSpeech: overtime && context.answeringAloud,
    graceLeftMs: overtime ? graceLeftMs(context.overtimeSince, now) : null,
  };
}

/** The phase of a snapshot. */
export function selectPhase(snapshot: InterviewSnapshot): InterviewPhase {
  const value = snapshot.value;
  switch (value) {
    case 'idle':
    case 'analyzing':
    case 'asking':
    case 'concluding':
    case 'concluded':
    case 'failed':
      return value;
    case 'awaitingAnswer':
      return 'awaiting-answer';
    default:
      return assertNever(value);
  }
}

/** The interview's status; `now` is the clock used for the elapsed time of a running interview. */
export function selectStatus(snapshot: InterviewSnapshot, now: number = Date.now()): InterviewStatus {
  const { context } = snapshot;
  const phase = selectPhase(snapshot);
  const end = context.endedAt ?? now;
  return {
    phase,
    questionsAsked: context.questionsAsked,
    maxQuestions: context.settings.maxQuestions,
    elapsedMs: context.startedAt === null ? 0 : Math.max(0, end - context.startedAt),
    limitMs: context.settings.maxMinutes * 60_000,
    topic: selectTopic(snapshot),
    ...selectQuestionCount(snapshot),
    thinking: (phase === 'asking' || phase === 'concluding') && context.liveQuestion === '',
    canWithdraw: canWithdrawAnswer({ ...context, state: String(snapshot.value) }),
    concluded: phase === 'concluded',
    retrying: context.retrying,
    error: phase === 'failed' ? (context.error?.message ?? null) : null,
  };
}

/** The topic being asked about (once the streamed decision is known) or last asked about. */
export function selectTopic(snapshot: InterviewSnapshot): string | null {
  const { context } = snapshot;
  const topics = context.plan?.topics ?? [];
  const turn = context.turn;
  if (snapshot.value === 'asking' && turn?.plan.kind === 'question' && turn.decision !== null) {
    return topics[resolveDecision(turn.plan, turn.decision).topicIndex]?.name ?? null;
  }
  return context.currentTopicIndex === null ? null : (topics[context.currentTopicIndex]?.name ?? null);
}

/** The number of the main question on screen and whether it is a follow-up, the streaming one counted once its kind is known. */
export function selectQuestionCount(snapshot: InterviewSnapshot): { mainQuestion: number; followUp: boolean } {
  const { context } = snapshot;
  const asked = context.transcript.filter((entry) => entry.role === 'interviewer' && entry.kind !== 'closing');
  const committed = asked.filter((entry) => entry.role === 'interviewer' && isMainQuestion(entry.kind)).length;
  const last = asked.at(-1);
  const lastIsFollowUp = last?.role === 'interviewer' && last.kind === 'follow-up';
  const turn = context.turn;
  if (snapshot.value === 'asking' && turn !== null) {
    if (turn.plan.kind === 'introduction') return { mainQuestion: committed + 1, followUp: false };
    if (turn.plan.kind === 'question' && turn.decision !== null) {
      const followUp = resolveDecision(turn.plan, turn.decision).kind === 'follow-up';
      return { mainQuestion: followUp ? committed : committed + 1, followUp };
    }
  }
  return { mainQuestion: committed, followUp: lastIsFollowUp };
}

/** The plan the interview follows; null before the analysis. */
export function selectPlan(snapshot: InterviewSnapshot): InterviewPlan | null {
  return snapshot.context.plan;
}

/** The question to show (and speak): live while a turn streams, else the last interviewer entry; null before any. */
export function selectCurrentQuestion(snapshot: InterviewSnapshot): CurrentQuestion | null {
  const { turn } = snapshot.context;
  if ((snapshot.value === 'asking' || snapshot.value === 'concluding') && turn !== null) {
    return { id: turn.questionId, text: snapshot.context.liveQuestion, streaming: true };
  }
  const last = snapshot.context.transcript.findLast((entry) => entry.role === 'interviewer');
  return last ? { id: last.id, text: last.text, streaming: false } : null;
}

/** The answer and first-token marks of a question, while it streams or once committed; nulls when unknown. */
export function selectQuestionMarks(snapshot: InterviewSnapshot, questionId: string): QuestionMarks {
  const { turn, timings } = snapshot.context;
  const source = turn?.questionId === questionId ? turn : timings.find((timing) => timing.questionId === questionId);
  return { answerSubmittedAt: source?.answerSubmittedAt ?? null, firstTokenAt: source?.firstTokenAt ?? null };
}

/** How each question was spoken, in the order measured. */
export function selectSpeechTimings(snapshot: InterviewSnapshot): readonly SpeechTiming[] {
  return snapshot.context.speechTimings;
}

/** The committed transcript, in order. */
export function selectTranscript(snapshot: InterviewSnapshot): readonly TranscriptEntry[] {
  return snapshot.context.transcript;
}

/** Timing marks of every committed interviewer turn, in order. */
export function selectTimings(snapshot: InterviewSnapshot): readonly TurnTiming[] {
  return snapshot.context.timings;
}

/** The answer being drafted (kept across reloads). */
export function selectDraftAnswer(snapshot: InterviewSnapshot): string {
  return snapshot.context.draftAnswer;
}
