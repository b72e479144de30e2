// Interviews in IndexedDB (fake-indexeddb): list newest first with facts, rename (kept across saves), delete, import ids.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import {
  addInterview,
  deleteAllInterviews,
  deleteInterview,
  latestUnfinishedInterview,
  listInterviews,
  loadInterview,
  renameInterview,
  saveInterview,
  type InterviewRecord,
} from './interviews.ts';
import { listReports, loadReport } from './reports.ts';

function record(id: string, createdAt: number, jobDescription: string, concluded = false, value = concluded ? 'concluded' : 'awaitingAnswer'): InterviewRecord {
  return {
    id,
    createdAt,
    updatedAt: createdAt + 10,
    concluded,
    snapshot: {
      status: 'active',
      value,
      context: { id, documents: { resume: '', jobDescription, instructions: '' }, transcript: [], questionsAsked: 3, startedAt: createdAt, endedAt: concluded ? createdAt + 90_000 : null },
    },
  };
}

beforeEach(async () => {
  await deleteAllInterviews();
});

describe('interviews', () => {
  it('lists newest first with role, company, status, duration and question count', async () => {
    await saveInterview(record('old', 1_000, 'Designer at Hooli', true));
    await saveInterview(record('new', 5_000, 'Senior Backend Engineer at Acme Pay'));
    const list = await listInterviews();
    expect(list.map((row) => row.id)).toEqual(['new', 'old']);
    expect(list[1]).toEqual({ id: 'old', title: null, role: 'Designer', company: 'Hooli', date: 1_000, durationMs: 90_000, status: 'concluded', answeredCount: 0 });
    expect(list[0]?.status).toBe('in-progress');
  });

  it('reopens the latest interview still going, never one stopped by an error, which the list shows as such', async () => {
    await saveInterview(record('going', 1_000, 'Designer at Hooli'));
    await saveInterview(record('stopped', 5_000, 'Engineer at Acme', false, 'failed'));
    await saveInterview(record('done', 9_000, 'Analyst at Initech', true));
    expect((await latestUnfinishedInterview())?.id).toBe('going');
    expect((await listInterviews()).map((row) => [row.id, row.status])).toEqual([
      ['done', 'concluded'],
      ['stopped', 'failed'],
      ['going', 'in-progress'],
    ]);
    await deleteInterview('going');
    expect(await latestUnfinishedInterview()).toBeUndefined();
  });

  it('renames, keeps the title when the session saves again, and clears it with an empty title', async () => {
    await saveInterview(record('a', 1_000, 'Designer at Hooli'));
    expect(await renameInterview('a', '  Hooli, first try  ')).toBe(true);
    await saveInterview(record('a', 1_000, 'Designer at Hooli'));
    expect((await listInterviews())[0]?.title).toBe('Hooli, first try');
    expect((await loadInterview('a'))?.title).toBe('Hooli, first try');
    await renameInterview('a', '   ');
    expect((await loadInterview('a'))?.title).toBeUndefined();
    expect(await renameInterview('missing', 'x')).toBe(false);
  });

  it('deletes one, then all', async () => {
    await saveInterview(record('a', 1_000, 'A'));
    await saveInterview(record('b', 2_000, 'B'));
    await deleteInterview('a');
    expect((await listInterviews()).map((row) => row.id)).toEqual(['b']);
    await deleteAllInterviews();
    expect(await listInterviews()).toEqual([]);
    expect(await latestUnfinishedInterview()).toBeUndefined();
  });

  it('deletes the answer audio still kept for a deleted interview, and only its own', async () => {
    const db = await openDatabase();
    const segment = (interviewId: string, index: number) => ({ interviewId, questionId: 'q1', index, state: 'pending' as const, pcm: new ArrayBuffer(8), seconds: 1, voicedSeconds: 1, text: null, updatedAt: 1 });
    await saveInterview(record('a', 1_000, 'A'));
    await saveInterview(record('b', 2_000, 'B'));
    for (const stored of [segment('a', 0), segment('a', 1), segment('b', 0)]) await db.put('answer-audio', stored);
    await deleteInterview('a');
    expect((await db.getAll('answer-audio')).map((stored) => stored.interviewId)).toEqual(['b']);
    await deleteAllInterviews();
    expect(await db.count('answer-audio')).toBe(0);
  });

  it('adds an import under its own id when free, else under a new id that the snapshot follows', async () => {
    const original = record('same', 1_000, 'Designer at Hooli');
    expect(await addInterview(original, () => 'unused')).toEqual({ id: 'same', keptId: true });
    expect(await loadInterview('same')).toEqual(original);
    expect(await addInterview(original, () => 'fresh')).toEqual({ id: 'fresh', keptId: false });
    const copy = await loadInterview('fresh');
    expect((copy?.snapshot as { context: { id: string } }).context.id).toBe('fresh');
    expect((await listInterviews()).length).toBe(2);
  });

  it('adds an import with its report in one go; a copy\'s report follows the new id; deleting all removes reports too', async () => {
    const original = record('with-report', 1_000, 'Designer at Hooli', true);
    const report = { interviewId: 'with-report', updatedAt: 7, practice: { status: 'pending' } };
    await addInterview(original, () => 'unused', report);
    await addInterview(original, () => 'copy', report);
    expect(await loadReport('with-report')).toEqual(report);
    expect(await loadReport('copy')).toEqual({ ...report, interviewId: 'copy' });
    await deleteAllInterviews();
    expect(await listReports()).toEqual([]);
  });
});
