// Every job requirement frozen in the plan, mapped exactly once: demonstrated, mentioned or not reached, from the
// verified claims of the judged answers (the strongest claim wins; between equals, the earliest answer). Pure.
import type { PlanRequirement } from '../interview/index.ts';
import type { AnswerJudgement, Evidence, RequirementStatus } from './types.ts';

/** One requirement's outcome; demonstrated and mentioned always carry the candidate's words. */
export type RequirementOutcome =
  | { requirement: PlanRequirement; status: 'demonstrated' | 'mentioned'; evidence: Evidence }
  | { requirement: PlanRequirement; status: 'not-reached' };

const RANK: Readonly<Record<RequirementStatus, number>> = { 'not-reached': 0, mentioned: 1, demonstrated: 2 };

/** Each requirement once, in the plan's order, from the judgements in interview order. */
export function requirementOutcomes(requirements: readonly PlanRequirement[], judgements: readonly AnswerJudgement[]): RequirementOutcome[] {
  return requirements.map((requirement) => {
    let best: RequirementOutcome = { requirement, status: 'not-reached' };
    for (const judgement of judgements) {
      for (const claim of judgement.requirements) {
        if (claim.requirementId === requirement.id && RANK[claim.status] > RANK[best.status]) best = { requirement, status: claim.status, evidence: claim.evidence };
      }
    }
    return best;
  });
}
