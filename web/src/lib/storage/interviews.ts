// Interviews as stored in IndexedDB: the machine's persisted snapshot plus what a list needs without reading it.
import { openDatabase } from './database.ts';

/** One interview on this device. */
export interface InterviewRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** The machine's persisted snapshot (JSON-serializable); restoring it resumes the interview exactly. */
  snapshot: unknown;
  /** True once the closing message was given. */
  concluded: boolean;
}

/** Saves (creates or replaces) an interview. */
export async function saveInterview(record: InterviewRecord): Promise<void> {
  await (await openDatabase()).put('interviews', record);
}

/** Reads one interview. */
export async function loadInterview(id: string): Promise<InterviewRecord | undefined> {
  return (await openDatabase()).get('interviews', id);
}

/** The most recently touched interview that has not concluded, to continue after a reload. */
export async function latestUnfinishedInterview(): Promise<InterviewRecord | undefined> {
  const db = await openDatabase();
  let cursor = await db.transaction('interviews').store.index('updatedAt').openCursor(null, 'prev');
  while (cursor) {
    if (!cursor.value.concluded) return cursor.value;
    cursor = await cursor.continue();
  }
  return undefined;
}
