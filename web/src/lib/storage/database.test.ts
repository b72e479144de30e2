// The migrations: a database left by version 2, 3, 4 or 5 (created here with the raw IndexedDB API) opens with
// openDatabase(); its interview is read back with the facts a list needs, and the answer-audio, reports and
// answer-recordings stores exist.
import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { DATABASE_NAME, DATABASE_VERSION, openDatabase } from './database.ts';
import { listInterviews, loadInterview } from './interviews.ts';

const V2_RECORD = {
  id: 'v2-interview',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_300_000,
  concluded: false,
  snapshot: {
    status: 'active',
    value: 'awaitingAnswer',
    historyValue: {},
    children: {},
    context: {
      id: 'v2-interview',
      documents: { resume: 'Jane Doe', jobDescription: 'Company: Acme Pay\nTitle: Senior Backend Engineer', instructions: '' },
      settings: { maxMinutes: 45, maxQuestions: 16, maxFollowUpsPerTopic: 2, model: 'gemini-2.5-flash' },
      transcript: [
        { id: 'q1', role: 'interviewer', kind: 'introduction', text: 'Tell me about yourself.', topic: null, at: 1_700_000_010_000 },
        { id: 'a1', role: 'candidate', text: 'I build payment systems.', at: 1_700_000_070_000 },
      ],
      questionsAsked: 1,
      startedAt: 1_700_000_000_000,
      endedAt: null,
    },
  },
};

function createVersion2(): Promise<void> {
  return createOld(2, (db, transaction) => {
    db.createObjectStore('drafts');
    db.createObjectStore('interviews', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    transaction.objectStore('interviews').put(V2_RECORD);
  });
}

function createOld(version: number, build: (db: IDBDatabase, transaction: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, version);
    request.onupgradeneeded = () => {
      if (request.transaction) build(request.result, request.transaction);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

it('upgrades a version-2 database: the interview is kept, gains its list facts and the createdAt index', async () => {
  await createVersion2();
  const db = await openDatabase();
  expect(db.version).toBe(DATABASE_VERSION);
  expect(DATABASE_VERSION).toBe(6);
  expect([...db.transaction('interviews').store.indexNames]).toEqual(['createdAt', 'updatedAt']);

  const raw = await db.get('interviews', 'v2-interview');
  expect(raw?.facts).toEqual({
    role: 'Senior Backend Engineer',
    company: 'Acme Pay',
    startedAt: 1_700_000_000_000,
    endedAt: null,
    lastActivityAt: 1_700_000_070_000,
    answeredCount: 1,
  });
  expect(await loadInterview('v2-interview')).toEqual(V2_RECORD);
  expect(await listInterviews()).toEqual([
    {
      id: 'v2-interview',
      title: null,
      role: 'Senior Backend Engineer',
      company: 'Acme Pay',
      date: 1_700_000_000_000,
      durationMs: 70_000,
      status: 'in-progress',
      answeredCount: 1,
    },
  ]);
});

it('upgrades a version-3 database: interviews untouched, an empty answer-audio store keyed by interview, question and index', async () => {
  (await openDatabase()).close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  const v3Record = { ...V2_RECORD, facts: { role: 'Senior Backend Engineer', company: 'Acme Pay', startedAt: 1, endedAt: null, lastActivityAt: 2, questionCount: 1 } };
  await createOld(3, (db, transaction) => {
    db.createObjectStore('drafts');
    const interviews = db.createObjectStore('interviews', { keyPath: 'id' });
    interviews.createIndex('updatedAt', 'updatedAt');
    interviews.createIndex('createdAt', 'createdAt');
    transaction.objectStore('interviews').put(v3Record);
  });

  // A fresh module: the handle cached by the first test belongs to the deleted database.
  vi.resetModules();
  const fresh = await import('./database.ts');
  const db = await fresh.openDatabase();
  expect(db.version).toBe(6);
  expect([...db.objectStoreNames].sort()).toEqual(['answer-audio', 'answer-recordings', 'drafts', 'interviews', 'reports']);
  expect(await db.get('interviews', 'v2-interview')).toEqual(v3Record);
  expect(await db.count('answer-audio')).toBe(0);

  const segment = { interviewId: 'v2-interview', questionId: 'q1', index: 0, state: 'pending' as const, pcm: new Int16Array([1, -2, 3]).buffer, seconds: 3 / 16000, voicedSeconds: 0, text: null, updatedAt: 5 };
  await db.put('answer-audio', segment);
  await db.put('answer-audio', { ...segment, questionId: 'q2' });
  expect(new Int16Array((await db.get('answer-audio', ['v2-interview', 'q1', 0]))?.pcm ?? new ArrayBuffer(0))).toEqual(new Int16Array([1, -2, 3]));
  expect(await db.countFromIndex('answer-audio', 'interviewId', 'v2-interview')).toBe(2);
});

it('upgrades a version-4 database: interviews and answer audio untouched, an empty reports store keyed by interview id', async () => {
  const stale = await import('./database.ts');
  (await stale.openDatabase()).close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  const v4Record = { ...V2_RECORD, facts: { role: 'Senior Backend Engineer', company: 'Acme Pay', startedAt: 1, endedAt: null, lastActivityAt: 2, questionCount: 1 } };
  const segment = { interviewId: 'v2-interview', questionId: 'q1', index: 0, state: 'pending', pcm: null, seconds: 1, voicedSeconds: 1, text: null, updatedAt: 5 };
  await createOld(4, (db, transaction) => {
    db.createObjectStore('drafts');
    const interviews = db.createObjectStore('interviews', { keyPath: 'id' });
    interviews.createIndex('updatedAt', 'updatedAt');
    interviews.createIndex('createdAt', 'createdAt');
    db.createObjectStore('answer-audio', { keyPath: ['interviewId', 'questionId', 'index'] }).createIndex('interviewId', 'interviewId');
    transaction.objectStore('interviews').put(v4Record);
    transaction.objectStore('answer-audio').put(segment);
  });

  vi.resetModules();
  const fresh = await import('./database.ts');
  const db = await fresh.openDatabase();
  expect(db.version).toBe(6);
  expect([...db.objectStoreNames].sort()).toEqual(['answer-audio', 'answer-recordings', 'drafts', 'interviews', 'reports']);
  expect(await db.get('interviews', 'v2-interview')).toEqual(v4Record);
  expect(await db.get('answer-audio', ['v2-interview', 'q1', 0])).toEqual(segment);
  expect(await db.count('reports')).toBe(0);

  const reports = await import('./reports.ts');
  const interviews = await import('./interviews.ts');
  const report = { interviewId: 'v2-interview', updatedAt: 9, rubricVersion: 1, answers: {} };
  await reports.saveReport(report);
  expect(await reports.loadReport('v2-interview')).toEqual(report);
  expect(await reports.listReports()).toEqual([report]);
  await interviews.deleteInterview('v2-interview');
  expect(await reports.loadReport('v2-interview')).toBeUndefined();
  expect(await db.count('answer-audio')).toBe(0);
});

it('upgrades a version-5 database: interviews, answer audio and reports untouched, an empty answer-recordings store', async () => {
  const stale = await import('./database.ts');
  (await stale.openDatabase()).close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DATABASE_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  const v5Record = { ...V2_RECORD, facts: { role: 'Senior Backend Engineer', company: 'Acme Pay', startedAt: 1, endedAt: null, lastActivityAt: 2, questionCount: 1 } };
  const report = { interviewId: 'v2-interview', updatedAt: 9, rubricVersion: 1, answers: {} };
  await createOld(5, (db, transaction) => {
    db.createObjectStore('drafts');
    const interviews = db.createObjectStore('interviews', { keyPath: 'id' });
    interviews.createIndex('updatedAt', 'updatedAt');
    interviews.createIndex('createdAt', 'createdAt');
    db.createObjectStore('answer-audio', { keyPath: ['interviewId', 'questionId', 'index'] }).createIndex('interviewId', 'interviewId');
    db.createObjectStore('reports', { keyPath: 'interviewId' });
    transaction.objectStore('interviews').put(v5Record);
    transaction.objectStore('reports').put(report);
  });

  vi.resetModules();
  const fresh = await import('./database.ts');
  const db = await fresh.openDatabase();
  expect(db.version).toBe(6);
  expect(await db.get('interviews', 'v2-interview')).toEqual(v5Record);
  expect(await db.get('reports', 'v2-interview')).toEqual(report);
  expect(await db.count('answer-recordings')).toBe(0);
  expect([...db.transaction('answer-recordings').store.indexNames].sort()).toEqual(['bytes', 'interviewId']);
});
