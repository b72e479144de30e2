// The name an interview goes by in the history and its exports: the candidate's title, else "Role at Company". Pure.
import type { InterviewSummary } from '../storage/index.ts';

/** The displayed title of an interview. */
export function displayTitle(summary: Pick<InterviewSummary, 'title' | 'role' | 'company'>): string {
  if (summary.title) return summary.title;
  if (summary.role && summary.company) return `${summary.role} at ${summary.company}`;
  return summary.role ?? summary.company ?? 'Untitled interview';
}
