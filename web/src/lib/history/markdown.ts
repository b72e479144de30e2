// A readable Markdown transcript of one interview: title, role and company, date, duration, every question and
// answer with its time. Pure: the record in, the text out.
import type { TranscriptEntry } from '../interview/types.ts';
import { summarize, factsOf, type InterviewRecord } from '../storage/index.ts';
import { formatDateTime, formatLength, formatTime, statusLabel, type TimeOptions } from './format.ts';
import { displayTitle } from './title.ts';

/** The transcript entries of a persisted snapshot (an empty list when it has none). */
export function transcriptOf(record: InterviewRecord): TranscriptEntry[] {
  const transcript = (record.snapshot as { context?: { transcript?: unknown } } | null)?.context?.transcript;
  return Array.isArray(transcript) ? (transcript as TranscriptEntry[]) : [];
}

/** The interview as a Markdown document. */
export function interviewMarkdown(record: InterviewRecord, options: TimeOptions = {}): string {
  const summary = summarize({ ...record, facts: factsOf(record.snapshot) });
  const transcript = transcriptOf(record);
  const lines = [`# ${inline(displayTitle(summary))}`, ''];
  if (summary.role) lines.push(`- **Role:** ${inline(summary.role)}`);
  if (summary.company) lines.push(`- **Company:** ${inline(summary.company)}`);
  lines.push(
    `- **Date:** ${formatDateTime(summary.date, options)}`,
    `- **Duration:** ${formatLength(summary.durationMs)}`,
    `- **Status:** ${statusLabel(summary.status)}`,
    `- **Questions:** ${summary.questionCount}`,
    '',
    '## Transcript',
    '',
  );
  if (transcript.length === 0) lines.push('_No questions yet._', '');
  let question = 0;
  for (const entry of transcript) {
    const heading =
      entry.role === 'interviewer' ? (entry.kind === 'closing' ? 'Closing' : `Question ${++question}`) : 'Your answer';
    lines.push(`### ${heading} · ${formatTime(entry.at, options)}`, '', quote(entry.text), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

// Warning: titles come from the job description; a leading '#' or a newline would break the document's structure.
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^#+\s*/, '').trim();
}

function quote(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => (line.trim() ? `> ${line}` : '>'))
    .join('\n');
}
