// The app's IndexedDB database: its name, schema version and the upgrade steps between versions.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StoredSegment } from './answer-audio.ts';
import type { AnswerRecordingChunk } from './answer-recordings.ts';
import type { DocumentsDraft } from './documents-draft.ts';
import type { StoredInterview } from './interviews.ts';
import type { StoredReport } from './reports.ts';
import { factsOf } from './summary.ts';

/** The stores and what they hold. */
export interface XquizitSchema extends DBSchema {
  /** Work in progress on the setup screen, one record under the key 'documents'. */
  drafts: { key: 'documents'; value: DocumentsDraft };
  /** Every interview, its machine snapshot and list facts included, by id. */
  interviews: { key: string; value: StoredInterview; indexes: { updatedAt: number; createdAt: number } };
  /** Audio segments of spoken answers until their text has landed, by [interviewId, questionId, index]. */
  'answer-audio': { key: [string, string, number]; value: StoredSegment; indexes: { interviewId: string } };
  /** The coach's report of each interview, by interview id. */
  reports: { key: string; value: StoredReport };
  /** The candidate's own recordings of their spoken answers (compressed chunks), by [interviewId, questionId, take, index]. */
  'answer-recordings': { key: [string, string, number, number]; value: AnswerRecordingChunk; indexes: { interviewId: string; bytes: number } };
}

/** The database's name in the browser. */
export const DATABASE_NAME = 'xquizit';

/** The schema version; bump it and add a step to `upgrade` when the stores change. */
// 1: drafts. 2: interviews. 3: interviews carry `facts` (role, company, times, question count) and an optional
// user `title`, and are indexed by createdAt for the history list. 4: answer-audio (spoken answers' segments).
// 5: reports (the coach's report of each interview). 6: answer-recordings (what the candidate said, to hear again).
export const DATABASE_VERSION = 6;

/** An open handle to the app's database. */
export type XquizitDatabase = IDBPDatabase<XquizitSchema>;

let opening: Promise<XquizitDatabase> | undefined;

/** Opens (and creates or upgrades) the database once per page; later calls share the handle. */
export function openDatabase(): Promise<XquizitDatabase> {
  opening ??= openDB<XquizitSchema>(DATABASE_NAME, DATABASE_VERSION, {
    // Warning: only IndexedDB work may be awaited in here; anything else ends the upgrade transaction early.
    async upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) db.createObjectStore('drafts');
      if (oldVersion < 2) db.createObjectStore('interviews', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
      if (oldVersion < 3) {
        const interviews = transaction.objectStore('interviews');
        interviews.createIndex('createdAt', 'createdAt');
        let cursor = await interviews.openCursor();
        while (cursor) {
          await cursor.update({ ...cursor.value, facts: factsOf(cursor.value.snapshot) });
          cursor = await cursor.continue();
        }
      }
      if (oldVersion < 4) db.createObjectStore('answer-audio', { keyPath: ['interviewId', 'questionId', 'index'] }).createIndex('interviewId', 'interviewId');
      if (oldVersion < 5) db.createObjectStore('reports', { keyPath: 'interviewId' });
      if (oldVersion < 6) {
        const recordings = db.createObjectStore('answer-recordings', { keyPath: ['interviewId', 'questionId', 'take', 'index'] });
        recordings.createIndex('interviewId', 'interviewId');
        recordings.createIndex('bytes', 'bytes');
      }
    },
    blocked() {
      console.warn('xquizit: another tab holds an older version of the database open');
    },
    // A newer version of the app (another tab) wants to upgrade: step aside rather than block it forever.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
      opening = undefined;
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
