// The app's IndexedDB database: its name, schema version and the upgrade steps between versions.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DocumentsDraft } from './documents-draft.ts';
import type { InterviewRecord } from './interviews.ts';

/** The stores and what they hold. */
export interface XquizitSchema extends DBSchema {
  /** Work in progress on the setup screen, one record under the key 'documents'. */
  drafts: { key: 'documents'; value: DocumentsDraft };
  /** Every interview, its machine snapshot included, by id. */
  interviews: { key: string; value: InterviewRecord; indexes: { updatedAt: number } };
}

/** The database's name in the browser. */
export const DATABASE_NAME = 'xquizit';

/** The schema version; bump it and add a step to `upgrade` when the stores change. */
export const DATABASE_VERSION = 2;

/** An open handle to the app's database. */
export type XquizitDatabase = IDBPDatabase<XquizitSchema>;

let opening: Promise<XquizitDatabase> | undefined;

/** Opens (and creates or upgrades) the database once per page; later calls share the handle. */
export function openDatabase(): Promise<XquizitDatabase> {
  opening ??= openDB<XquizitSchema>(DATABASE_NAME, DATABASE_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) db.createObjectStore('drafts');
      if (oldVersion < 2) db.createObjectStore('interviews', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    },
    blocked() {
      console.warn('xquizit: another tab holds an older version of the database open');
    },
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}
