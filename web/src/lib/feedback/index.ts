// Public face of the coach's report: what the candidate takes away from every interview. Measured on the device with
// no language model (delivery.ts and the metrics beside it), judged by the model and tied to evidence checked by code
// (judge.ts, evidence.ts, quotes.ts), scored by a formula in code (overall.ts), made in the background by its own
// actor (report-actor.ts, schedule.ts) and composed for the screen and the exports (report-view.ts, markdown.ts).
export { answerTurns, type AnswerTurn } from './answers.ts';
export { DEFAULT_PACE_BAND, LONG_PAUSE_SECONDS, measureDelivery, PACE_BAND_WHY, type AnswerDelivery, type InterviewDelivery, type Pace, type PaceBand } from './delivery.ts';
export { reportMarkdown } from './markdown.ts';
export { buildReportView, type AnswerView, type ReportView, type RewriteView } from './report-view.ts';
export { subjectOf } from './subject.ts';
export { describeFillers, describeLatency, describePace, describePauses, describePronouns, formatScore } from './wording.ts';
export { FILLED_PAUSES, LEXICAL_FILLERS } from './fillers.ts';
export { wordDiff, type DiffPart } from './diff.ts';
export { judgeAnswer, MAX_REPLY_TRIES, type ReportModel } from './judge.ts';
export { answerScore, dimensionAverages, overallScore, THIN_ANSWER_SCORE, type OverallScore } from './overall.ts';
export { newReportRecord, parseReportRecord } from './record.ts';
export { DEFAULT_CONCURRENCY, ReportActor, type ReportActorDeps } from './report-actor.ts';
export type { RequirementOutcome } from './requirements.ts';
export { reportTrend, type TrendPoint } from './trend.ts';
export type { ReportSubject } from './subject.ts';
export {
  DIMENSIONS,
  RUBRIC,
  RUBRIC_VERSION,
  STAR_PARTS,
  type AnswerJudgement,
  type DimensionResult,
  type Drill,
  type Evidence,
  type Point,
  type PracticePlan,
  type ReportRecord,
  type Rewrite,
  type RubricDimension,
  type SectionState,
  type StarPart,
  type ThinReason,
} from './types.ts';
