// What "Practise these" puts in the candidate's instructions for the next interview: the drills, plainly, for the
// interviewer to focus on (the candidate can edit them on the setup screen). Pure.
import type { PracticePlan } from '../feedback/index.ts';

/** The instructions a new interview starts with after "Practise these". */
export function practiceInstructions(plan: PracticePlan): string {
  const drills = plan.drills.map((drill, index) => `${String(index + 1)}. ${drill.title}: ${drill.how}`);
  return ['Practice focus from my last report; give me chances to practise these:', ...drills].join('\n');
}
