// When each part of the report is due. Pure: the interview and the stored report in, the jobs to start out.
// - An answer is judged once the interviewer turn after it is in the transcript (its stream has ended, so the call
//   never competes with it) and has started speaking, or JUDGE_GRACE_MS after it when no voice speaks it.
// - While the interview runs, the WEAKEST_REWRITTEN weakest answers so far that score SPECULATIVE_REWRITE_AT or less
//   are rewritten at once (they are likely to stay the weakest); once every answer is judged after the closing, the
//   WEAKEST_REWRITTEN weakest answers that have no rewrite get one.
// - The practice plan is made once the interview has concluded and every answer is judged (or unavailable), at least
//   one of them judged.
import { answerTurns, type AnswerTurn } from './answers.ts';
import { answerScore } from './overall.ts';
import type { ReportSubject } from './subject.ts';
import { thinReason } from './thin.ts';
import type { AnswerJudgement, ReportRecord, SectionState } from './types.ts';

/** How long after the next question's text is complete an answer waits for that question's voice before it is judged anyway. */
export const JUDGE_GRACE_MS = 2000;
/** During the interview, answers scoring this or less are rewritten at once. */
export const SPECULATIVE_REWRITE_AT = 3;
/** How many of the weakest answers get a rewrite. */
export const WEAKEST_REWRITTEN = 2;

/** One call the report needs. */
export type ReportJob = { kind: 'judge'; answerId: string } | { kind: 'rewrite'; answerId: string } | { kind: 'practice' };

/** The jobs due now, most urgent first (judgements, then rewrites, then the practice plan), and when the next gate opens. */
export interface DueJobs {
  jobs: ReportJob[];
  /** Epoch ms when an answer still waiting for its next question's voice may be judged anyway; null when none waits. */
  nextGateAt: number | null;
}

/** The epoch ms from which an answer may be judged; null while the turn after it is not in the transcript. */
export function judgeGate(turn: AnswerTurn, subject: ReportSubject): number | null {
  if (!turn.next) return null;
  const next = turn.next;
  const speech = subject.speechTimings.find((timing) => timing.questionId === next.id);
  return speech && speech.firstAudioAt !== null ? 0 : next.at + JUDGE_GRACE_MS;
}

/** What is due for `record` of `subject` at `now`. */
export function dueJobs(subject: ReportSubject, record: ReportRecord, now: number): DueJobs {
  const turns = answerTurns(subject.transcript);
  const jobs: ReportJob[] = [];
  let nextGateAt: number | null = null;
  for (const turn of turns) {
    if (!isPending(record.answers[turn.id])) continue;
    const gate = judgeGate(turn, subject);
    if (gate === null) continue;
    if (gate <= now) jobs.push({ kind: 'judge', answerId: turn.id });
    else nextGateAt = nextGateAt === null ? gate : Math.min(nextGateAt, gate);
  }
  for (const answerId of rewritesWanted(subject, record)) if (isPending(record.rewrites[answerId])) jobs.push({ kind: 'rewrite', answerId });
  const judged = turns.some((turn) => record.answers[turn.id]?.status === 'done');
  if (subject.concluded && judged && allSettled(turns, record) && record.practice.status === 'pending') jobs.push({ kind: 'practice' });
  return { jobs, nextGateAt };
}

/** The answers that should have a rewrite now: weak ones while the interview runs, the weakest once it is all judged. */
export function rewritesWanted(subject: ReportSubject, record: ReportRecord): string[] {
  const turns = answerTurns(subject.transcript);
  const scored = turns.flatMap((turn) => {
    const state = record.answers[turn.id];
    if (state?.status !== 'done' || !rewritable(turn, state.value)) return [];
    const score = answerScore(state.value);
    return score === null ? [] : [{ id: turn.id, score }];
  });
  if (subject.concluded) return allSettled(turns, record) ? weakest(scored) : [];
  return weakest(scored.filter((answer) => answer.score <= SPECULATIVE_REWRITE_AT));
}

/** The answers whose rewrites the report shows: the weakest, once every answer is judged. */
export function rewritesShown(subject: ReportSubject, record: ReportRecord): string[] {
  const turns = answerTurns(subject.transcript);
  return weakest(
    turns.flatMap((turn) => {
      const state = record.answers[turn.id];
      const score = state?.status === 'done' && rewritable(turn, state.value) ? answerScore(state.value) : null;
      return score === null ? [] : [{ id: turn.id, score }];
    }),
  );
}

/** Whether every answer's judgement is done or unavailable (nothing left to wait for). */
export function allSettled(turns: readonly AnswerTurn[], record: ReportRecord): boolean {
  return turns.every((turn) => {
    const status = record.answers[turn.id]?.status;
    return status === 'done' || status === 'unavailable';
  });
}

/** An answer with enough of its own words to rewrite without inventing (not thin). */
function rewritable(turn: AnswerTurn, judgement: AnswerJudgement): boolean {
  return judgement.thin === null && thinReason(turn.answer.text) === null;
}

function weakest(scored: readonly { id: string; score: number }[]): string[] {
  return [...scored]
    .sort((a, b) => a.score - b.score)
    .slice(0, WEAKEST_REWRITTEN)
    .map((answer) => answer.id);
}

function isPending<T>(state: SectionState<T> | undefined): boolean {
  return state === undefined || state.status === 'pending';
}
