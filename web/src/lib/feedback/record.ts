// The stored report: a fresh one, the form it is saved in (a call in flight is saved as pending, so a reload asks
// again), and its validation when read back from IndexedDB or an imported file. Pure.
import * as v from 'valibot';
import { DIMENSIONS, RUBRIC_VERSION, STAR_PARTS, type ReportRecord, type SectionState } from './types.ts';

/** An empty report for an interview, asking `model`. */
export function newReportRecord(interviewId: string, model: string, now: number): ReportRecord {
  return { interviewId, rubricVersion: RUBRIC_VERSION, model, createdAt: now, updatedAt: now, answers: {}, rewrites: {}, practice: { status: 'pending' } };
}

/** The record as it is saved: sections in flight become pending again. */
export function persistable(record: ReportRecord): ReportRecord {
  const settle = <T>(state: SectionState<T>): SectionState<T> => (state.status === 'running' ? { status: 'pending' } : state);
  const settleAll = <T>(states: Record<string, SectionState<T>>) => Object.fromEntries(Object.entries(states).map(([id, state]) => [id, settle(state)]));
  return { ...record, answers: settleAll(record.answers), rewrites: settleAll(record.rewrites), practice: settle(record.practice) };
}

const Evidence = v.object({ answerId: v.string(), quote: v.string() });
const Dimension = v.variant('status', [
  v.object({ dimension: v.picklist(DIMENSIONS), status: v.literal('scored'), score: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)), reason: v.string(), evidence: Evidence }),
  v.object({ dimension: v.picklist(DIMENSIONS), status: v.literal('no-evidence') }),
  v.object({ dimension: v.picklist(DIMENSIONS), status: v.literal('not-applicable') }),
]);
const Point = v.object({ text: v.string(), evidence: Evidence });
const Judgement = v.object({
  answerId: v.string(),
  thin: v.nullable(v.picklist(['empty', 'short', 'unclear'])),
  dimensions: v.array(Dimension),
  star: v.nullable(v.object(Object.fromEntries(STAR_PARTS.map((part) => [part, v.nullable(Evidence)])) as Record<(typeof STAR_PARTS)[number], v.NullableSchema<typeof Evidence, undefined>>)),
  strengths: v.array(Point),
  improvements: v.array(Point),
  requirements: v.array(v.object({ requirementId: v.string(), status: v.picklist(['demonstrated', 'mentioned']), evidence: Evidence })),
  droppedQuotes: v.number(),
});
const RewriteValue = v.object({ answerId: v.string(), text: v.nullable(v.string()), changes: v.array(v.string()), unsupported: v.array(v.string()) });
const Practice = v.object({ drills: v.array(v.object({ title: v.string(), why: v.string(), how: v.string(), evidence: v.nullable(Evidence) })) });

const section = <T extends v.GenericSchema>(value: T) =>
  v.variant('status', [
    v.object({ status: v.literal('pending') }),
    v.object({ status: v.literal('running') }),
    v.object({ status: v.literal('waiting'), message: v.string() }),
    v.object({ status: v.literal('done'), value }),
    v.object({ status: v.literal('unavailable'), message: v.string() }),
  ]);

/** Valibot schema of a stored or exported report. */
export const ReportRecordSchema = v.object({
  interviewId: v.pipe(v.string(), v.minLength(1)),
  rubricVersion: v.pipe(v.number(), v.integer()),
  model: v.string(),
  createdAt: v.number(),
  updatedAt: v.number(),
  answers: v.record(v.string(), section(Judgement)),
  rewrites: v.record(v.string(), section(RewriteValue)),
  practice: section(Practice),
});

/** Reads a stored or exported report; null when it is not one this app can read (it is then made again). */
export function parseReportRecord(data: unknown): ReportRecord | null {
  const result = v.safeParse(ReportRecordSchema, data);
  return result.success ? persistable(result.output as ReportRecord) : null;
}
