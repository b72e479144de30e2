// What `pnpm eval:report` checks and prints: the strong answer outscores the weak ones in every run, each score
// varies by at most 1 point across runs, and how often the model's quotes had to be dropped. Pure.
import { answerScore, RUBRIC, type AnswerJudgement } from '../../src/lib/feedback/index.ts';
import type { GoldenName } from '../../src/lib/feedback/testdata/golden.ts';
import type { GoldenRuns } from './run.ts';

/** The answers the strong one must outscore. */
export const WEAK_ANSWERS: readonly GoldenName[] = ['fine', 'gibberish', 'empty'];
/** The most a score may move between runs of the same answer. */
export const MAX_SPREAD = 1;

/** One check, passed or not, with what it found. */
export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

/** The answer score of each run that gave a judgement (null: no verified score). */
export function scoresOf(golden: GoldenRuns): (number | null)[] {
  return golden.runs.flatMap((run) => ('judgement' in run ? [answerScore(run.judgement)] : []));
}

/** The checks over every golden answer's runs. */
export function checkRuns(results: readonly GoldenRuns[]): Check[] {
  const byName = new Map(results.map((golden) => [golden.name, golden]));
  const strong = byName.get('strong');
  const strongScores = strong ? scoresOf(strong) : [];
  const strongLowest = strongScores.some((score) => score === null) || strongScores.length === 0 ? null : Math.min(...(strongScores as number[]));
  const checks: Check[] = WEAK_ANSWERS.flatMap((name) => {
    const golden = byName.get(name);
    if (!golden) return [];
    // A weak answer with no verified score counts as the lowest possible.
    const highest = Math.max(0, ...scoresOf(golden).map((score) => score ?? 0));
    return [{ name: `strong outscores ${name}`, pass: strongLowest !== null && strongLowest > highest, detail: `strong lowest ${String(strongLowest ?? 'none')}, ${name} highest ${String(highest)}` }];
  });
  for (const golden of results) {
    const judgements = golden.runs.flatMap((run) => ('judgement' in run ? [run.judgement] : []));
    const spreads = RUBRIC.map((entry) => ({ label: entry.label, spread: spread(judgements.map((judgement) => scoreOf(judgement, entry.id))) }));
    const worst = spreads.reduce((most, current) => (current.spread > most.spread ? current : most), { label: 'none', spread: 0 });
    const errors = golden.runs.filter((run) => 'error' in run).length;
    checks.push({
      name: `${golden.name}: scores within ${String(MAX_SPREAD)} point across runs`,
      pass: errors === 0 && worst.spread <= MAX_SPREAD,
      detail: errors > 0 ? `${String(errors)} of ${String(golden.runs.length)} runs failed` : `widest: ${worst.label} ${String(worst.spread)}`,
    });
  }
  return checks;
}

/** A readable report: each golden answer's scores per run and dropped quotes, then the checks. */
export function formatEval(results: readonly GoldenRuns[], checks: readonly Check[]): string {
  const lines = ['| answer | scores per run | dropped quotes per run |', '|---|---|---|'];
  for (const golden of results) {
    const scores = golden.runs.map((run) => ('judgement' in run ? String(answerScore(run.judgement) ?? 'no evidence') : 'error'));
    const dropped = golden.runs.map((run) => ('judgement' in run ? String(run.judgement.droppedQuotes) : '—'));
    lines.push(`| ${golden.name} | ${scores.join(', ')} | ${dropped.join(', ')} |`);
  }
  lines.push('', ...checks.map((check) => `${check.pass ? 'PASS' : 'FAIL'} ${check.name} (${check.detail})`));
  return lines.join('\n');
}

function scoreOf(judgement: AnswerJudgement, dimension: string): number | null {
  const result = judgement.dimensions.find((candidate) => candidate.dimension === dimension);
  return result?.status === 'scored' ? result.score : null;
}

/** Highest minus lowest; a score that is sometimes there and sometimes "not enough evidence" counts as 0 when missing. */
function spread(values: readonly (number | null)[]): number {
  if (values.every((value) => value === null)) return 0;
  const numbers = values.map((value) => value ?? 0);
  return Math.max(...numbers) - Math.min(...numbers);
}
