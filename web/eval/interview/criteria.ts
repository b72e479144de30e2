// The plain criteria each interviewer turn is checked against in `pnpm eval:interview`: what code can check by
// itself (one question, spoken style, no repeat) and the grader model's verdict, validated, combined per turn and
// summed up as the share of turns that pass. Pure.
import * as v from 'valibot';

/** The criteria, in the order the report prints them. */
export const CRITERIA = ['grounded', 'followsUpVague', 'noRepeat', 'oneQuestion', 'spokenStyle'] as const;

/** One criterion. */
export type Criterion = (typeof CRITERIA)[number];

/** How the report names each criterion. */
export const CRITERION_LABELS: Readonly<Record<Criterion, string>> = {
  grounded: 'names something from the resume or the job',
  followsUpVague: 'a vague answer gets a follow-up',
  noRepeat: 'no question repeated',
  oneQuestion: 'one question at a time',
  spokenStyle: 'spoken style',
};

/** The grader's answer for one turn (each verdict after its reason). */
export const GradeSchema = v.object({
  reason: v.string(),
  grounded: v.boolean(),
  previousAnswerVague: v.nullable(v.boolean()),
  followsUpPreviousAnswer: v.boolean(),
  oneQuestion: v.boolean(),
  spokenStyle: v.boolean(),
  repeatsEarlierQuestion: v.boolean(),
});

/** A validated grade. */
export type Grade = v.InferOutput<typeof GradeSchema>;

/** Pass, fail, or not applicable (a follow-up is only owed after a vague answer). */
export type Verdict = 'pass' | 'fail' | 'n/a';

/** One interviewer turn's verdicts. */
export type TurnVerdicts = Record<Criterion, Verdict>;

/** The grader's JSON, validated; null when it is not a grade (the turn is then asked again or left out). */
export function parseGrade(text: string): Grade | null {
  try {
    const result = v.safeParse(GradeSchema, JSON.parse(text));
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}

/** How many questions a turn asks, counted by question marks (a reply with none asks none). */
export function questionCount(text: string): number {
  return (text.match(/\?/g) ?? []).length;
}

/** Whether a turn reads as speech: no markdown, list marks, headings, emoji or stage directions, at most 80 words. */
export function isSpokenStyle(text: string): boolean {
  if (/[*_#`]|^\s*(?:[-•]|\d+[.)])\s/m.test(text)) return false;
  if (/\p{Extended_Pictographic}/u.test(text)) return false;
  if (/\[[^\]]*\]|\((?:pauses?|smiles?|laughs?|nods?)[^)]*\)/i.test(text)) return false;
  return text.split(/\s+/).filter((word) => word !== '').length <= 80;
}

/** Whether a question repeats an earlier one: most of its distinctive words were asked already in one question. */
export function isRepeat(question: string, earlier: readonly string[]): boolean {
  const words = distinctive(question);
  if (words.size < 3) return false;
  return earlier.some((previous) => {
    const before = distinctive(previous);
    const shared = [...words].filter((word) => before.has(word)).length;
    return shared / Math.min(words.size, before.size || 1) >= 0.8;
  });
}

/** A turn's verdicts from the grader's grade and the code's own checks. */
export function verdictsFor(question: string, earlier: readonly string[], grade: Grade): TurnVerdicts {
  const pass = (ok: boolean): Verdict => (ok ? 'pass' : 'fail');
  return {
    grounded: pass(grade.grounded),
    followsUpVague: grade.previousAnswerVague === true ? pass(grade.followsUpPreviousAnswer) : 'n/a',
    noRepeat: pass(!grade.repeatsEarlierQuestion && !isRepeat(question, earlier)),
    oneQuestion: pass(grade.oneQuestion && questionCount(question) <= 1),
    spokenStyle: pass(grade.spokenStyle && isSpokenStyle(question)),
  };
}

/** Passes out of applicable turns for one criterion, or for all of them together ('all'). */
export interface Share {
  passed: number;
  applicable: number;
}

/** The share of turns that pass each criterion, and of turns that pass every criterion that applies to them. */
export function summarise(turns: readonly TurnVerdicts[]): Record<Criterion | 'all', Share> {
  const shares = Object.fromEntries([...CRITERIA, 'all'].map((key) => [key, { passed: 0, applicable: 0 }])) as Record<Criterion | 'all', Share>;
  for (const turn of turns) {
    for (const criterion of CRITERIA) {
      if (turn[criterion] === 'n/a') continue;
      shares[criterion].applicable++;
      if (turn[criterion] === 'pass') shares[criterion].passed++;
    }
    shares.all.applicable++;
    if (CRITERIA.every((criterion) => turn[criterion] !== 'fail')) shares.all.passed++;
  }
  return shares;
}

const COMMON = new Set('a an and are as at be but by can could did do does for from had has have how i if in is it its me my of on or so tell that the their them then there they this to us walk was we were what when where which who why will with would you your about'.split(' '));

function distinctive(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2 && !COMMON.has(word)),
  );
}
