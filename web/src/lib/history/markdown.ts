// A readable Markdown transcript of one interview: title, role and company, date, duration, the coach's report (when
// asked for), the plan it followed, every question (with its topic) and answer with its time. Pure: the record in, the text out.
import { buildReportView, reportMarkdown, subjectOf, type ReportRecord, type ReportSubject } from '../feedback/index.ts';
import { INTERVIEW_TYPE_LABELS, LEVEL_LABELS, upgradeInterviewSnapshot, type InterviewContext, type InterviewPlan, type TranscriptEntry } from '../interview/index.ts';
import { summarize, factsOf, type InterviewRecord } from '../storage/index.ts';
import { formatDateTime, formatLength, formatTime, statusLabel, type TimeOptions } from './format.ts';
import { displayTitle } from './title.ts';

/** The transcript entries of a persisted snapshot, in today's shape (an empty list when it has none). */
export function transcriptOf(record: InterviewRecord): TranscriptEntry[] {
  const transcript = contextOf(record)?.transcript;
  return Array.isArray(transcript) ? (transcript as TranscriptEntry[]) : [];
}

/** The plan an interview followed, in today's shape (older interviews' plans of topic names too); null before one was made. */
export function planOf(record: InterviewRecord): InterviewPlan | null {
  return (contextOf(record)?.plan as InterviewPlan | null | undefined) ?? null;
}

function contextOf(record: InterviewRecord): { transcript?: unknown; plan?: unknown } | undefined {
  return (upgradeInterviewSnapshot(record.snapshot) as { context?: { transcript?: unknown; plan?: unknown } } | null)?.context;
}

/** What the report reads of a stored interview (its snapshot in today's shape). */
export function reportSubjectOf(record: InterviewRecord): ReportSubject | null {
  const context = (upgradeInterviewSnapshot(record.snapshot) as { context?: InterviewContext } | null)?.context;
  return context ? subjectOf(context, record.concluded) : null;
}

/** What the Markdown export holds beyond the transcript: the coach's report of a concluded interview (its judged part so far, or null). */
export interface MarkdownOptions extends TimeOptions {
  /** When present (null: nothing judged yet), a concluded interview's document carries its report. */
  report?: ReportRecord | null;
}

/** The interview as a Markdown document. */
export function interviewMarkdown(record: InterviewRecord, options: MarkdownOptions = {}): string {
  const summary = summarize({ ...record, facts: factsOf(record.snapshot) });
  const transcript = transcriptOf(record);
  const plan = planOf(record);
  const lines = [`# ${inline(displayTitle(summary))}`, ''];
  if (summary.role) lines.push(`- **Role:** ${inline(summary.role)}`);
  if (summary.company) lines.push(`- **Company:** ${inline(summary.company)}`);
  lines.push(
    `- **Date:** ${formatDateTime(summary.date, options)}`,
    `- **Duration:** ${formatLength(summary.durationMs)}`,
    `- **Status:** ${statusLabel(summary.status)}`,
    `- **Questions answered:** ${summary.answeredCount}`,
    '',
    ...reportLines(record, options),
    ...(plan ? planLines(plan) : []),
    '## Transcript',
    '',
  );
  if (transcript.length === 0) lines.push('_No questions yet._', '');
  let question = 0;
  for (const entry of transcript) {
    const heading =
      entry.role === 'interviewer' ? (entry.kind === 'closing' ? 'Closing' : `Question ${++question}`) : 'Your answer';
    const topic = entry.role === 'interviewer' && entry.topic ? ` · ${inline(entry.topic)}${entry.kind === 'follow-up' ? ' (follow-up)' : ''}` : '';
    lines.push(`### ${heading} · ${formatTime(entry.at, options)}${topic}`, '', quote(entry.text), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function reportLines(record: InterviewRecord, options: MarkdownOptions): string[] {
  const subject = record.concluded && 'report' in options ? reportSubjectOf(record) : null;
  return subject ? [reportMarkdown(buildReportView(subject, options.report ?? null)), ''] : [];
}

/** The plan as a Markdown section: type and level, the topics in order with why, requirements and probes. */
function planLines(plan: InterviewPlan): string[] {
  const lines = ['## Plan', '', `- **Interview type:** ${INTERVIEW_TYPE_LABELS[plan.interviewType]}`];
  if (plan.level !== null) lines.push(`- **Level:** ${LEVEL_LABELS[plan.level]}`);
  if (plan.requirements.length > 0) lines.push(`- **Job requirements:** ${plan.requirements.map((requirement) => inline(requirement.text)).join('; ')}`);
  lines.push('');
  const byId = new Map(plan.requirements.map((requirement) => [requirement.id, requirement.text]));
  plan.topics.forEach((topic, index) => {
    lines.push(`${String(index + 1)}. **${inline(topic.name)}**${topic.why ? ` — ${inline(topic.why)}` : ''}`);
    const covers = topic.requirementIds.flatMap((id) => byId.get(id) ?? []);
    if (covers.length > 0) lines.push(`   - Covers: ${covers.map(inline).join('; ')}`);
    if (topic.probes.length > 0) lines.push(`   - From the resume: ${topic.probes.map(inline).join('; ')}`);
  });
  return [...lines, ''];
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
