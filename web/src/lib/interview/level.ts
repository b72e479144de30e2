// The seniority a job description implies, guessed by code from its title words and the years it asks for,
// and how each level and interview type is named to the candidate. Pure.
import type { InterviewLevel, InterviewType } from './types.ts';

/** How the setup screen names each level. */
export const LEVEL_LABELS: Readonly<Record<InterviewLevel, string>> = {
  entry: 'Entry level or graduate',
  mid: 'Mid level',
  senior: 'Senior',
  lead: 'Lead, staff or principal',
};

/** How the setup screen names each interview type. */
export const INTERVIEW_TYPE_LABELS: Readonly<Record<InterviewType, string>> = {
  behavioural: 'Behavioural (past situations)',
  technical: 'Technical (how things work)',
  mixed: 'Mixed',
};

const TITLE_WORDS: readonly [RegExp, InterviewLevel][] = [
  [/\b(?:staff|principal|distinguished|head of|director|vp|lead|chief|architect)\b/i, 'lead'],
  [/\b(?:senior|sr\.?)(?=\s|$)/i, 'senior'],
  [/\b(?:intern(?:ship)?|graduate|entry[- ]level|junior|jr\.?|trainee|apprentice)(?=[\s,.;:)]|$)/i, 'entry'],
  [/\b(?:mid[- ]level|intermediate)\b/i, 'mid'],
];

// In the body, "lead" and "head of" are usually verbs or teams ("lead incident reviews"), not the role's level.
const BODY_WORDS: readonly [RegExp, InterviewLevel][] = [
  [/\b(?:staff|principal)\s+(?:engineer|developer|scientist|designer|architect)\b/i, 'lead'],
  ...TITLE_WORDS.slice(1),
];

const YEARS = /\b(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs?)\b/gi;

/**
 * The level a job description implies: words in its first lines (its title) first ("Senior", "Staff", "Junior"…),
 * then the most years of experience it asks for anywhere (under 2: entry, under 5: mid, under 8: senior, else lead),
 * then level words in its body; mid level when it says none of these.
 */
export function guessLevel(jobDescription: string): InterviewLevel {
  // The title: among the first lines, those short enough to be one (a sentence is body text).
  const head = jobDescription
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, 3)
    .filter((line) => line.trim().split(/\s+/).length <= 8 && !/[.!?]$/.test(line.trim()))
    .join('\n');
  for (const [pattern, level] of TITLE_WORDS) if (pattern.test(head)) return level;
  const years = [...jobDescription.matchAll(YEARS)].map((match) => Number(match[1]));
  if (years.length === 0) {
    for (const [pattern, level] of BODY_WORDS) if (pattern.test(jobDescription)) return level;
    return 'mid';
  }
  const most = Math.max(...years);
  if (most < 2) return 'entry';
  if (most < 5) return 'mid';
  if (most < 8) return 'senior';
  return 'lead';
}
