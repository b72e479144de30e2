// The evidence rules, applied by code to a validated judgement whatever the model said: every quote must be in the
// answer the judgement names (and that must be the answer judged); a score with no verified quote becomes "not enough
// evidence"; an answer too thin to judge gets no strengths and no score above 2; requirements must exist. Pure.
import type { InterviewType, PlanRequirement } from '../interview/index.ts';
import type { AnswerTurn } from './answers.ts';
import { verifyEvidence, withoutUnverifiedQuotes, type AnswersByLabel } from './quotes.ts';
import type { JudgementReply } from './schemas.ts';
import { thinReason } from './thin.ts';
import { STAR_PARTS, type AnswerJudgement, type DimensionResult, type Evidence, type Point, type RequirementClaim, type RubricDimension, type StarCheck } from './types.ts';

/** The highest score an answer too thin to judge may keep. */
export const THIN_SCORE_CAP = 2;

/** What the rules check a judgement against. */
export interface EvidenceContext {
  /** The answer judged. */
  turn: AnswerTurn;
  /** Every answer of the interview by label (A1…): a quote must name one that exists. */
  answers: AnswersByLabel;
  requirements: readonly PlanRequirement[];
  interviewType: InterviewType;
  /** Every text of the interview: quotes inside the model's prose must come from one of them. */
  sources: readonly string[];
}

const SCORED: readonly Exclude<RubricDimension, 'technicalDepth'>[] = ['relevance', 'specificity', 'structure', 'ownership', 'impact'];

/** The judgement as code lets it stand, by the rules at the top of this file. */
export function applyEvidenceRules(reply: JudgementReply, context: EvidenceContext): AnswerJudgement {
  const { turn } = context;
  const named = reply.turn.trim().toUpperCase();
  let dropped = 0;
  // Warning: a judgement naming another answer (or none that exists) proves nothing about this one.
  const evidence = (quote: string): Evidence | null => {
    if (quote.trim() === '') return null;
    const found = named === turn.label ? verifyEvidence(context.answers, named, quote) : null;
    if (found === null) dropped++;
    return found;
  };
  const prose = (text: string) => withoutUnverifiedQuotes(text, context.sources);
  const thin = thinReason(turn.answer.text);
  const cap = (score: number) => (thin === null ? score : Math.min(score, THIN_SCORE_CAP));

  const dimensions: DimensionResult[] = SCORED.map((dimension) => {
    const { reason, quote, score } = reply[dimension];
    const found = evidence(quote);
    return found ? { dimension, status: 'scored', score: cap(score), reason: prose(reason), evidence: found } : { dimension, status: 'no-evidence' };
  });
  const depth = reply.technicalDepth;
  if (context.interviewType === 'behavioural' || !depth.applies) dimensions.push({ dimension: 'technicalDepth', status: 'not-applicable' });
  else {
    const found = evidence(depth.quote);
    dimensions.push(found ? { dimension: 'technicalDepth', status: 'scored', score: cap(depth.score), reason: prose(depth.reason), evidence: found } : { dimension: 'technicalDepth', status: 'no-evidence' });
  }

  const starApplies = reply.star.applies && context.interviewType !== 'technical';
  const star = starApplies ? (Object.fromEntries(STAR_PARTS.map((part) => [part, evidence(reply.star[part])])) as StarCheck) : null;

  const points = (items: JudgementReply['strengths']): Point[] =>
    items.flatMap((item) => {
      const found = evidence(item.quote);
      return found ? [{ text: prose(item.point), evidence: found }] : [];
    });
  const strengths = points(reply.strengths);
  const improvements = points(reply.improvements);

  const claims = new Map<string, RequirementClaim>();
  for (const claim of reply.requirements) {
    const requirement = context.requirements[claim.requirement - 1];
    const found = evidence(claim.quote);
    if (!requirement || !found) continue;
    const status = thin === null ? claim.status : 'mentioned';
    const previous = claims.get(requirement.id);
    if (!previous || (previous.status === 'mentioned' && status === 'demonstrated')) claims.set(requirement.id, { requirementId: requirement.id, status, evidence: found });
  }

  return {
    answerId: turn.id,
    thin,
    dimensions,
    star,
    strengths: thin === null ? strengths : [],
    improvements,
    requirements: [...claims.values()],
    droppedQuotes: dropped,
  };
}
