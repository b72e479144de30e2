// Whether the plan's probes quote the resume: a probe that shares no phrase or number with it was made up or is
// generic. Such a plan is still used; the developer panel says so. Pure.
import type { InterviewPlan } from './types.ts';

/** How many of the plan's probes quote the resume, out of how many. */
export interface ProbeGrounding {
  total: number;
  grounded: number;
  /** The probes that quote nothing from the resume. */
  ungrounded: string[];
}

// Words too common to show that a probe was taken from the resume.
const STOPWORDS = new Set(
  'a an and are as at be by for from has have how i in is it its of on or our so that the their them they this to was we were what when where which who why with you your'.split(' '),
);

/** Whether `probe` quotes the resume: a number from it, two distinctive words in a row from it, or three words in a row. */
export function quotesResume(probe: string, resume: string): boolean {
  const source = words(resume);
  const joined = ` ${source.join(' ')} `;
  const has = (phrase: readonly string[]) => joined.includes(` ${phrase.join(' ')} `);
  const tokens = words(probe);
  const numbers = new Set(source.filter(hasDigit));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (hasDigit(token) && numbers.has(token)) return true;
    const pair = tokens.slice(i, i + 2);
    if (pair.length === 2 && pair.every((word) => !STOPWORDS.has(word)) && has(pair)) return true;
    const triple = tokens.slice(i, i + 3);
    if (triple.length === 3 && has(triple)) return true;
  }
  return false;
}

/** Counts the plan's probes that quote the resume. */
export function probeGrounding(plan: InterviewPlan, resume: string): ProbeGrounding {
  const probes = plan.topics.flatMap((topic) => topic.probes);
  const ungrounded = probes.filter((probe) => !quotesResume(probe, resume));
  return { total: probes.length, grounded: probes.length - ungrounded.length, ungrounded };
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word !== '');
}

function hasDigit(word: string): boolean {
  return /\d/.test(word);
}
