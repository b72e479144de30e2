// The JSON export format: one interview (its record and machine snapshot, everything) in a versioned envelope,
// and its validation on import. Pure: a file's text in, a record or a plain-words error out.
// Version 2: the snapshot's plan carries requirements and, per topic, why and probes (plus type and level); version 1
// files (a plan of topic names) are still read, their snapshot brought to today's shape. Version 3: the coach's report
// (its judged part, as stored) rides along when the interview has one; versions 1 and 2 have none.
import * as v from 'valibot';
import { parseReportRecord, type ReportRecord } from '../feedback/index.ts';
import { upgradeInterviewSnapshot } from '../interview/index.ts';
import type { InterviewRecord } from '../storage/index.ts';

/** The envelope's format name; a file without it is not ours. */
export const EXPORT_FORMAT = 'xquizit-interview';
/** The envelope version this app writes. Bump it (and keep reading the old ones) when the shape changes. */
export const EXPORT_VERSION = 3;

/** Every envelope version this app reads. */
const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/** An exported interview. */
export interface InterviewExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  interview: InterviewRecord;
  /** The interview's coach's report, when it has one. */
  report?: ReportRecord;
}

/** What reading an export gave: the record (and report) to store, or why nothing will be. */
export type ParsedExport = { ok: true; interview: InterviewRecord; report?: ReportRecord } | { ok: false; error: string };

const MACHINE_STATES = ['idle', 'analyzing', 'asking', 'awaitingAnswer', 'concluding', 'concluded', 'failed'] as const;
const QUESTION_KINDS = ['introduction', 'follow-up', 'new-topic', 'closing'] as const;

// Loose objects: everything the machine stores is kept as is, only what the app relies on is checked.
const EntrySchema = v.variant('role', [
  v.looseObject({ id: v.string(), role: v.literal('interviewer'), kind: v.picklist(QUESTION_KINDS), text: v.string(), topic: v.nullable(v.string()), at: v.number() }),
  v.looseObject({ id: v.string(), role: v.literal('candidate'), text: v.string(), at: v.number() }),
]);

const SnapshotSchema = v.looseObject({
  status: v.string(),
  value: v.picklist(MACHINE_STATES),
  context: v.looseObject({
    id: v.string(),
    documents: v.looseObject({ resume: v.string(), jobDescription: v.string(), instructions: v.string() }),
    settings: v.looseObject({ maxMinutes: v.number(), maxQuestions: v.number(), maxFollowUpsPerTopic: v.number(), model: v.string() }),
    transcript: v.array(EntrySchema),
    questionsAsked: v.number(),
    startedAt: v.nullable(v.number()),
    endedAt: v.nullable(v.number()),
  }),
});

/** Valibot schema of an export this app reads. */
export const InterviewExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.picklist([1, 2, 3]),
  exportedAt: v.string(),
  report: v.optional(v.unknown()),
  interview: v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    createdAt: v.number(),
    updatedAt: v.number(),
    concluded: v.boolean(),
    title: v.optional(v.string()),
    snapshot: SnapshotSchema,
  }),
});

/** Wraps an interview (and its report, when it has one) for export, its snapshot in today's shape (an interview saved by an earlier version too). */
export function createExport(interview: InterviewRecord, now: number, report?: ReportRecord | null): InterviewExport {
  const wrapped: InterviewExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), interview: { ...interview, snapshot: upgradeInterviewSnapshot(interview.snapshot) } };
  return report ? { ...wrapped, report } : wrapped;
}

/** The export as the text of a .json file. */
export function exportJson(interview: InterviewRecord, now: number, report?: ReportRecord | null): string {
  return `${JSON.stringify(createExport(interview, now, report), null, 2)}\n`;
}

/** Reads an export file's text; a corrupt, foreign or unknown-version file gives an error in plain words. */
export function parseExport(text: string): ParsedExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON (it may be damaged or cut short), so nothing was imported.' };
  }
  const envelope = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (envelope?.format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not an xquizit interview export, so nothing was imported.' };
  }
  if (typeof envelope.version !== 'number' || !READABLE_VERSIONS.includes(envelope.version)) {
    const newer = typeof envelope.version === 'number' && envelope.version > EXPORT_VERSION;
    return {
      ok: false,
      error: newer
        ? `This export was made by a newer version of xquizit (format version ${envelope.version}); this version reads version ${EXPORT_VERSION}. Nothing was imported.`
        : `This export has an unknown format version (${JSON.stringify(envelope.version) ?? 'none'}), so nothing was imported.`,
    };
  }
  const result = v.safeParse(InterviewExportSchema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? v.getDotPath(issue) : null;
    return { ok: false, error: `This xquizit export is damaged${where ? ` (at ${where})` : ''}, so nothing was imported.` };
  }
  const { interview } = result.output;
  if (interview.snapshot.context.id !== interview.id) {
    return { ok: false, error: 'This xquizit export is damaged (its ids disagree), so nothing was imported.' };
  }
  const record: InterviewRecord = { ...(interview as InterviewRecord), snapshot: upgradeInterviewSnapshot(interview.snapshot) };
  if (result.output.report === undefined) return { ok: true, interview: record };
  const report = parseReportRecord(result.output.report);
  if (report === null || report.interviewId !== interview.id) {
    return { ok: false, error: 'The coach\'s report in this xquizit export is damaged, so nothing was imported.' };
  }
  return { ok: true, interview: record, report };
}
