// Plans for tests: built from topic names, with ids, a why, requirements and probes derived from each name.
import type { InterviewPlan, InterviewProfile } from '../types.ts';

/** A plan whose topic `i` (id `t{i+1}`) covers requirement `r{i+1}` and has two probes naming it. */
export function planWith(names: readonly string[], strategy = 'Probe depth.', profile: InterviewProfile = { interviewType: 'mixed', level: 'senior' }): InterviewPlan {
  return {
    strategy,
    ...profile,
    requirements: names.map((name, index) => ({ id: `r${String(index + 1)}`, text: `${name} in production` })),
    topics: names.map((name, index) => ({
      id: `t${String(index + 1)}`,
      name,
      why: `The role needs ${name}.`,
      requirementIds: [`r${String(index + 1)}`],
      probes: [`Led the ${name} work at Acme`, `Cut ${name} costs by 30%`],
    })),
  };
}
