// The table `pnpm eval:interview` prints: per criterion, the share of interviewer turns that pass with only the
// strategy and topic names (as before) beside the share with the whole plan, and the same per simulated candidate. Pure.
import { CRITERIA, CRITERION_LABELS, summarise, type Share, type TurnVerdicts } from './criteria.ts';
import { PERSONAS } from './prompts.ts';
import type { InterviewRun, PlanVariant } from './run.ts';

const VARIANTS: readonly PlanVariant[] = ['names-only', 'plan'];

/** The report as Markdown tables. */
export function formatReport(runs: readonly InterviewRun[]): string {
  const verdicts = (variant: PlanVariant, persona?: string): TurnVerdicts[] =>
    runs.filter((run) => run.variant === variant && (persona === undefined || run.persona === persona)).flatMap((run) => run.turns.flatMap((turn) => (turn.verdicts ? [turn.verdicts] : [])));
  const shares = Object.fromEntries(VARIANTS.map((variant) => [variant, summarise(verdicts(variant))])) as Record<PlanVariant, ReturnType<typeof summarise>>;
  const ungraded = runs.reduce((sum, run) => sum + run.turns.filter((turn) => turn.verdicts === null).length, 0);
  const lines = [
    '| criterion | strategy and topic names (before) | whole plan (now) |',
    '|---|---:|---:|',
    ...CRITERIA.map((criterion) => `| ${CRITERION_LABELS[criterion]} | ${share(shares['names-only'][criterion])} | ${share(shares.plan[criterion])} |`),
    `| **every criterion** | ${share(shares['names-only'].all)} | ${share(shares.plan.all)} |`,
    '',
    '| simulated candidate | before: turns passing every criterion | now |',
    '|---|---:|---:|',
    ...PERSONAS.map((persona) => `| ${persona} | ${share(summarise(verdicts('names-only', persona)).all)} | ${share(summarise(verdicts('plan', persona)).all)} |`),
  ];
  if (ungraded > 0) lines.push('', `${String(ungraded)} turn(s) left out: the grader gave no usable grade after 3 tries.`);
  return `${lines.join('\n')}\n`;
}

/** "80% (8/10)", or "—" when no turn applies. */
export function share(value: Share): string {
  if (value.applicable === 0) return '—';
  return `${Math.round((100 * value.passed) / value.applicable)}% (${String(value.passed)}/${String(value.applicable)})`;
}
