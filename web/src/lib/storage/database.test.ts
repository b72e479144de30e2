// The version-3 migration: a database left by version 2 (created here with the raw IndexedDB API) opens with
// openDatabase(), and its interview is read back with the facts a list needs.
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
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
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE_NAME, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('drafts');
      db.createObjectStore('interviews', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      request.transaction?.objectStore('interviews').put(V2_RECORD);
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
  expect(DATABASE_VERSION).toBe(3);
  expect([...db.transaction('interviews').store.indexNames]).toEqual(['createdAt', 'updatedAt']);

  const raw = await db.get('interviews', 'v2-interview');
  expect(raw?.facts).toEqual({
    role: 'Senior Backend Engineer',
    company: 'Acme Pay',
    startedAt: 1_700_000_000_000,
    endedAt: null,
    lastActivityAt: 1_700_000_070_000,
    questionCount: 1,
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
      questionCount: 1,
    },
  ]);
});
