// The report as the screen and the exports show it, composed from the interview (measured on the device) and the
// stored judged part (already checked by code): each answer's delivery and judgement, the overall score by formula,
// the requirements' outcomes, the strengths and improvements, the rewrites of the weakest answers, the practice plan,
// and how far the report has got. Pure.
import { answerTurns, type AnswerTurn } from './answers.ts';
import { DEFAULT_PACE_BAND, measureDelivery, type AnswerDelivery, type InterviewDelivery, type PaceBand } from './delivery.ts';
import { wordDiff, type DiffPart } from './diff.ts';
import { answerScore, answerValue, dimensionAverages, overallScore } from './overall.ts';
import { requirementOutcomes, type RequirementOutcome } from './requirements.ts';
import { allSettled, rewritesShown } from './schedule.ts';
import type { ReportSubject } from './subject.ts';
import type { AnswerJudgement, Point, PracticePlan, ReportRecord, Rewrite, RubricDimension, SectionState } from './types.ts';
import { RUBRIC_VERSION } from './types.ts';

/** One answer on the report. */
export interface AnswerView {
  turn: AnswerTurn;
  delivery: AnswerDelivery;
  judgement: SectionState<AnswerJudgement>;
  /** The answer's score by formula; null while unjudged or with no verified score. */
  score: number | null;
}

/** A weak answer's rewrite, with the word diff against the original once there is one. */
export interface RewriteView {
  turn: AnswerTurn;
  state: SectionState<Rewrite>;
  diff: DiffPart[] | null;
}

/** The whole report. */
export interface ReportView {
  interviewId: string;
  rubricVersion: number;
  delivery: InterviewDelivery;
  answers: AnswerView[];
  /** The overall score by formula, once every answer is judged; null score: not enough evidence. */
  overall: { settled: boolean; score: number | null; basedOn: number; of: number };
  dimensionAverages: Partial<Record<RubricDimension, number>>;
  progress: { judged: number; total: number; waiting: number; unavailable: number; waitingMessage: string | null };
  requirements: RequirementOutcome[];
  strengths: Point[];
  improvements: Point[];
  rewrites: RewriteView[];
  practice: SectionState<PracticePlan>;
  /** Every section has its final state (done or unavailable). */
  complete: boolean;
}

/** How many strengths and improvements the summary shows. */
const SUMMARY_POINTS = 3;

/** The report of `subject`, with what `record` holds so far (null before anything is stored). */
export function buildReportView(subject: ReportSubject, record: ReportRecord | null, band: PaceBand = DEFAULT_PACE_BAND): ReportView {
  const turns = answerTurns(subject.transcript);
  const delivery = measureDelivery(subject.transcript, subject.speechTimings, band);
  const pending: SectionState<never> = { status: 'pending' };
  const answers: AnswerView[] = turns.map((turn, index) => {
    const judgement = record?.answers[turn.id] ?? pending;
    return { turn, delivery: delivery.answers[index]!, judgement, score: judgement.status === 'done' ? answerScore(judgement.value) : null };
  });
  const judged = answers.flatMap((answer) => (answer.judgement.status === 'done' ? [{ answer, judgement: answer.judgement.value }] : []));
  const judgements = judged.map((entry) => entry.judgement);
  const settled = record !== null && subject.concluded && allSettled(turns, record);
  const overall = overallScore(judgements);
  const waiting = answers.filter((answer) => answer.judgement.status === 'waiting');
  const byValue = [...judged].sort((a, b) => (answerValue(b.judgement) ?? 0) - (answerValue(a.judgement) ?? 0));
  const rewrites: RewriteView[] = record && settled
    ? rewritesShown(subject, record).flatMap((id) => {
        const turn = turns.find((candidate) => candidate.id === id);
        if (!turn) return [];
        const state = record.rewrites[id] ?? pending;
        return [{ turn, state, diff: state.status === 'done' && state.value.text !== null ? wordDiff(turn.answer.text, state.value.text) : null }];
      })
    : [];
  const practice: SectionState<PracticePlan> = record?.practice ?? pending;
  const final = (state: SectionState<unknown>) => state.status === 'done' || state.status === 'unavailable';
  const noneJudged = judged.length === 0;
  return {
    interviewId: subject.interviewId,
    rubricVersion: record?.rubricVersion ?? RUBRIC_VERSION,
    delivery,
    answers,
    overall: { settled, score: overall.score, basedOn: overall.basedOn, of: turns.length },
    dimensionAverages: dimensionAverages(judgements),
    progress: {
      judged: answers.filter((answer) => final(answer.judgement)).length,
      total: answers.length,
      waiting: waiting.length,
      unavailable: answers.filter((answer) => answer.judgement.status === 'unavailable').length,
      waitingMessage: waiting[0]?.judgement.status === 'waiting' ? waiting[0].judgement.message : null,
    },
    requirements: requirementOutcomes(subject.plan?.requirements ?? [], judgements),
    strengths: byValue.flatMap((entry) => entry.judgement.strengths.slice(0, 1)).slice(0, SUMMARY_POINTS),
    improvements: [...byValue].reverse().flatMap((entry) => entry.judgement.improvements.slice(0, 1)).slice(0, SUMMARY_POINTS),
    rewrites,
    practice,
    complete: settled && rewrites.every((rewrite) => final(rewrite.state)) && (noneJudged || final(practice)),
  };
}
