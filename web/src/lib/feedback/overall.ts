// The scores code computes from the verified per-answer scores; the model is never asked for an overall number.
//
// The formula:
// - An answer's score is the mean of its dimensions that have a verified score (one decimal). Dimensions marked
//   "not enough evidence" or "not applicable" are left out; an answer with none has no score.
// - An answer too thin to judge (empty, under ten words, unclear) that has no score counts as 1: code measured
//   that there was nothing to judge, so it pulls the overall down rather than vanishing from it.
// - The overall score is the mean of the answers' scores (one decimal), over every answer that has one; answers
//   the model could not support with evidence are left out and the report says how many counted. No answer with a
//   score: no overall score ("not enough evidence").
// - Each dimension's average (for the trend across interviews) is the mean of its verified scores.
import { DIMENSIONS, type AnswerJudgement, type RubricDimension } from './types.ts';

/** What an answer too thin to judge, with no verified score, counts as in the overall score. */
export const THIN_ANSWER_SCORE = 1;

/** The mean of an answer's verified dimension scores, one decimal; null when none has evidence. */
export function answerScore(judgement: AnswerJudgement): number | null {
  const scores = judgement.dimensions.flatMap((result) => (result.status === 'scored' ? [result.score] : []));
  return scores.length === 0 ? null : round1(mean(scores));
}

/** The value an answer brings to the overall score: its score, THIN_ANSWER_SCORE for a thin answer with none, else null. */
export function answerValue(judgement: AnswerJudgement): number | null {
  return answerScore(judgement) ?? (judgement.thin === null ? null : THIN_ANSWER_SCORE);
}

/** The overall score of the judged answers, and how many answers it rests on. */
export interface OverallScore {
  score: number | null;
  /** Answers that counted. */
  basedOn: number;
}

/** The overall score, by the formula at the top of this file. */
export function overallScore(judgements: readonly AnswerJudgement[]): OverallScore {
  const values = judgements.flatMap((judgement) => {
    const value = answerValue(judgement);
    return value === null ? [] : [value];
  });
  return { score: values.length === 0 ? null : round1(mean(values)), basedOn: values.length };
}

/** Each dimension's mean verified score over the answers (one decimal); dimensions with none are absent. */
export function dimensionAverages(judgements: readonly AnswerJudgement[]): Partial<Record<RubricDimension, number>> {
  const averages: Partial<Record<RubricDimension, number>> = {};
  for (const dimension of DIMENSIONS) {
    const scores = judgements.flatMap((judgement) => judgement.dimensions.flatMap((result) => (result.dimension === dimension && result.status === 'scored' ? [result.score] : [])));
    if (scores.length > 0) averages[dimension] = round1(mean(scores));
  }
  return averages;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
