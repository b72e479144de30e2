// Each rubric dimension across interviews, for the History screen: one point per interview whose report uses the
// current rubric version (scores of other versions are not comparable), oldest first. Pure.
import { dimensionAverages } from './overall.ts';
import { RUBRIC_VERSION, type AnswerJudgement, type ReportRecord, type RubricDimension } from './types.ts';

/** One interview's mean checked score per dimension. */
export interface TrendPoint {
  interviewId: string;
  date: number;
  averages: Partial<Record<RubricDimension, number>>;
}

/** The trend points of `reports` (each with its interview's date), oldest first; reports of other rubric versions or with no checked score are left out. */
export function reportTrend(reports: readonly { date: number; record: ReportRecord }[]): TrendPoint[] {
  return reports
    .filter(({ record }) => record.rubricVersion === RUBRIC_VERSION)
    .map(({ date, record }) => {
      const judgements: AnswerJudgement[] = Object.values(record.answers).flatMap((state) => (state.status === 'done' ? [state.value] : []));
      return { interviewId: record.interviewId, date, averages: dimensionAverages(judgements) };
    })
    .filter((point) => Object.keys(point.averages).length > 0)
    .sort((a, b) => a.date - b.date);
}
