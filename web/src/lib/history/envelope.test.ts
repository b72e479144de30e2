// The JSON export envelope: a round trip keeps everything; corrupt, foreign, unknown-version and damaged files are refused.
import { describe, expect, it } from 'vitest';
import { newReportRecord } from '../feedback/index.ts';
import { EXPORT_VERSION, exportJson, parseExport } from './envelope.ts';
import { upgradeInterviewSnapshot } from '../interview/index.ts';
import { sampleRecord } from './testdata.ts';

const NOW = Date.UTC(2025, 2, 5);

describe('export envelope', () => {
  it('round-trips the record exactly, title included, its snapshot in today’s shape', () => {
    const record = { ...sampleRecord(), title: 'First try', snapshot: upgradeInterviewSnapshot(sampleRecord().snapshot) };
    const text = exportJson(record, NOW);
    expect(JSON.parse(text)).toMatchObject({ format: 'xquizit-interview', version: 3, exportedAt: '2025-03-05T00:00:00.000Z' });
    expect(JSON.parse(text)).not.toHaveProperty('report');
    expect(parseExport(text)).toEqual({ ok: true, interview: JSON.parse(JSON.stringify(record)) });
  });

  it('carries the coach\'s report and reads it back; a damaged report or one of another interview refuses the file', () => {
    const record = { ...sampleRecord(), snapshot: upgradeInterviewSnapshot(sampleRecord().snapshot) };
    const report = {
      ...newReportRecord('interview-1', 'gemini-2.5-flash', NOW),
      answers: { a1: { status: 'done' as const, value: { answerId: 'a1', thin: 'short' as const, dimensions: [{ dimension: 'relevance' as const, status: 'no-evidence' as const }], star: null, strengths: [], improvements: [], requirements: [], droppedQuotes: 1 } } },
    };
    const text = exportJson(record, NOW, report);
    expect(parseExport(text)).toEqual({ ok: true, interview: JSON.parse(JSON.stringify(record)), report });
    const data = JSON.parse(text) as { report: { interviewId: string; answers: unknown } };
    expect(parseExport(JSON.stringify({ ...data, report: { ...data.report, answers: { a1: { status: 'done', value: { score: 5 } } } } }))).toMatchObject({ ok: false, error: expect.stringContaining('report in this xquizit export is damaged') });
    expect(parseExport(JSON.stringify({ ...data, report: { ...data.report, interviewId: 'other' } }))).toMatchObject({ ok: false });
  });

  it('reads a version-2 file, which has no report', () => {
    const version2 = JSON.stringify({ format: 'xquizit-interview', version: 2, exportedAt: '2025-03-05T00:00:00.000Z', interview: sampleRecord() });
    expect(parseExport(version2)).toMatchObject({ ok: true });
    expect(parseExport(version2)).not.toHaveProperty('report');
  });

  it('exports an interview saved with a plan of topic names with today’s plan', () => {
    const exported = JSON.parse(exportJson(sampleRecord(), NOW)) as { interview: { snapshot: { context: { plan: unknown } } } };
    expect(exported.interview.snapshot.context.plan).toMatchObject({ topics: [{ id: 't1', name: 'Payments', probes: [] }], interviewType: 'mixed', level: null });
  });

  it('reads a version-1 file (a plan of topic names) and brings its snapshot to today’s shape', () => {
    const version1 = JSON.stringify({ format: 'xquizit-interview', version: 1, exportedAt: '2025-03-05T00:00:00.000Z', interview: sampleRecord() });
    const result = parseExport(version1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const context = (result.interview.snapshot as { context: { plan: unknown; transcript: { topicId?: unknown }[]; profile: unknown } }).context;
    expect(context.plan).toEqual({ strategy: 'Probe payments.', interviewType: 'mixed', level: null, requirements: [], topics: [{ id: 't1', name: 'Payments', why: '', requirementIds: [], probes: [] }] });
    expect(context.profile).toEqual({ interviewType: 'mixed', level: null });
    expect(context.transcript[2]?.topicId).toBe('t1');
  });

  const valid = () => JSON.parse(exportJson(sampleRecord(), NOW)) as Record<string, unknown> & { interview: { snapshot: { context: Record<string, unknown> } } };
  const withContext = (patch: Record<string, unknown>) => {
    const data = valid();
    Object.assign(data.interview.snapshot.context, patch);
    return JSON.stringify(data);
  };

  it.each([
    ['corrupt', '{"format": "xquizit-interview", "vers', /not valid JSON/],
    ['empty', '', /not valid JSON/],
    ['foreign object', JSON.stringify({ name: 'package', version: '1.0.0' }), /not an xquizit interview export/],
    ['foreign array', '[1, 2, 3]', /not an xquizit interview export/],
    ['null', 'null', /not an xquizit interview export/],
    ['newer version', JSON.stringify({ ...valid(), version: EXPORT_VERSION + 1 }), /newer version of xquizit \(format version 4\)/],
    ['odd version', JSON.stringify({ ...valid(), version: 'one' }), /unknown format version \("one"\)/],
    ['no version', JSON.stringify({ ...valid(), version: undefined }), /unknown format version \(none\)/],
    ['no snapshot', JSON.stringify({ ...valid(), interview: { ...valid().interview, snapshot: undefined } }), /damaged \(at interview.snapshot\)/],
    ['bad state', JSON.stringify({ ...valid(), interview: { ...valid().interview, snapshot: { ...valid().interview.snapshot, value: 'dancing' } } }), /damaged \(at interview.snapshot.value\)/],
    ['bad entry', withContext({ transcript: [{ id: 'x', role: 'robot', text: 'hi', at: 1 }] }), /damaged \(at interview.snapshot.context.transcript.0.role\)/],
    ['ids disagree', withContext({ id: 'someone-else' }), /ids disagree/],
  ])('refuses a %s file in plain words', (_name, text, error) => {
    const result = parseExport(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
    if (!result.ok) expect(result.error).toMatch(/nothing was imported/i);
  });
});
