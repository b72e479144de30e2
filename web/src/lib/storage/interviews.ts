// Interviews as stored in IndexedDB: the machine's persisted snapshot plus what a list needs without reading it
// (facts derived at every save, an optional title the candidate gave), and the list, rename and delete operations.
import { openDatabase } from './database.ts';
import type { StoredReport } from './reports.ts';
import { answeredIn, durationOf, factsOf, stoppedByError, type InterviewFacts } from './summary.ts';

/** One interview on this device. */
export interface InterviewRecord {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** The machine's persisted snapshot (JSON-serializable); restoring it resumes the interview exactly. */
  snapshot: unknown;
  /** True once the closing message was given. */
  concluded: boolean;
  /** A name the candidate gave it; absent until renamed. */
  title?: string;
}

/** A record as the database holds it: with the facts a list shows, derived from the snapshot on save. */
export interface StoredInterview extends InterviewRecord {
  facts: InterviewFacts;
}

/** Where an interview stands, as the history shows it. */
export type InterviewStatus = 'in-progress' | 'concluded' | 'failed';

/** One row of the history list, newest first. */
export interface InterviewSummary {
  id: string;
  /** The candidate's title, or null when they gave none (show role and company then). */
  title: string | null;
  role: string | null;
  company: string | null;
  /** When the interview started (or was created, before it started), epoch ms. */
  date: number;
  /** Start to end, or to the last activity while unfinished. */
  durationMs: number;
  /** Going; concluded; or stopped by an error (continued only from the history, never reopened by itself). */
  status: InterviewStatus;
  /** Questions the candidate answered: what the list shows (ending early leaves the last question unanswered). */
  answeredCount: number;
}

/** What an import did: the id it stored the interview under, and whether that is the file's own id. */
export interface AddedInterview {
  id: string;
  keptId: boolean;
}

/** Saves (creates or replaces) an interview; a title given earlier is kept when the record carries none. */
export async function saveInterview(record: InterviewRecord): Promise<void> {
  const tx = (await openDatabase()).transaction('interviews', 'readwrite');
  const title = record.title ?? (await tx.store.get(record.id))?.title;
  await Promise.all([tx.store.put(toStored({ ...record, ...(title === undefined ? {} : { title }) })), tx.done]);
}

/** Reads one interview. */
export async function loadInterview(id: string): Promise<InterviewRecord | undefined> {
  const stored = await (await openDatabase()).get('interviews', id);
  return stored && toRecord(stored);
}

/**
 * The most recently touched interview still going, to reopen after a reload. One stopped by an error is not
 * reopened by itself (it would greet the candidate with the same error on every visit): the history offers it.
 */
export async function latestUnfinishedInterview(): Promise<InterviewRecord | undefined> {
  const db = await openDatabase();
  let cursor = await db.transaction('interviews').store.index('updatedAt').openCursor(null, 'prev');
  while (cursor) {
    if (!cursor.value.concluded && !stoppedByError(cursor.value.snapshot)) return toRecord(cursor.value);
    cursor = await cursor.continue();
  }
  return undefined;
}

/** Every interview on this device, newest first, as list rows. */
export async function listInterviews(): Promise<InterviewSummary[]> {
  const all = await (await openDatabase()).getAllFromIndex('interviews', 'createdAt');
  return all.reverse().map(summarize);
}

/** The list row of one stored interview. */
export function summarize(stored: StoredInterview): InterviewSummary {
  const facts = stored.facts ?? factsOf(stored.snapshot);
  return {
    id: stored.id,
    title: stored.title ?? null,
    role: facts.role,
    company: facts.company,
    date: facts.startedAt ?? stored.createdAt,
    durationMs: durationOf(facts),
    status: stored.concluded ? 'concluded' : stoppedByError(stored.snapshot) ? 'failed' : 'in-progress',
    answeredCount: facts.answeredCount ?? answeredIn(stored.snapshot),
  };
}

/** Deletes one interview, its report, its answers' recordings and any answer audio still kept for it (nothing happens when it is already gone). */
export async function deleteInterview(id: string): Promise<void> {
  const tx = (await openDatabase()).transaction(['interviews', 'answer-audio', 'reports', 'answer-recordings'], 'readwrite');
  await tx.objectStore('interviews').delete(id);
  await tx.objectStore('reports').delete(id);
  const audio = tx.objectStore('answer-audio');
  for (const key of await audio.index('interviewId').getAllKeys(id)) await audio.delete(key);
  const recordings = tx.objectStore('answer-recordings');
  for (const key of await recordings.index('interviewId').getAllKeys(id)) await recordings.delete(key);
  await tx.done;
}

/** Deletes every interview on this device, with their reports, recordings and any answer audio still kept. */
export async function deleteAllInterviews(): Promise<void> {
  const tx = (await openDatabase()).transaction(['interviews', 'answer-audio', 'reports', 'answer-recordings'], 'readwrite');
  await Promise.all([
    tx.objectStore('interviews').clear(),
    tx.objectStore('answer-audio').clear(),
    tx.objectStore('reports').clear(),
    tx.objectStore('answer-recordings').clear(),
    tx.done,
  ]);
}

/** Gives an interview a title; an empty title removes it (the list shows role and company again). False when it is gone. */
export async function renameInterview(id: string, title: string): Promise<boolean> {
  const tx = (await openDatabase()).transaction('interviews', 'readwrite');
  const stored = await tx.store.get(id);
  if (!stored) return false;
  const { title: _old, ...rest } = stored;
  const trimmed = title.trim();
  await Promise.all([tx.store.put(trimmed ? { ...rest, title: trimmed } : rest), tx.done]);
  return true;
}

/**
 * Adds an interview (an import), with its report when it has one, under its own id when that is free, else under
 * `newId()` (the report follows), in one transaction: either both are stored or neither.
 */
export async function addInterview(record: InterviewRecord, newId: () => string, report?: StoredReport): Promise<AddedInterview> {
  const tx = (await openDatabase()).transaction(['interviews', 'reports'], 'readwrite');
  const interviews = tx.objectStore('interviews');
  const taken = (await interviews.getKey(record.id)) !== undefined;
  const stored = toStored(taken ? withInterviewId(record, newId()) : record);
  await interviews.add(stored);
  if (report) await tx.objectStore('reports').put({ ...report, interviewId: stored.id });
  await tx.done;
  return { id: stored.id, keptId: !taken };
}

/** The record under another id; the snapshot's own id (the machine's context.id) follows. */
export function withInterviewId(record: InterviewRecord, id: string): InterviewRecord {
  const snapshot = record.snapshot as { context?: Record<string, unknown> } | null;
  const context = snapshot?.context;
  return { ...record, id, snapshot: context ? { ...snapshot, context: { ...context, id } } : snapshot };
}

function toStored(record: InterviewRecord): StoredInterview {
  return { ...toRecord(record as StoredInterview), facts: factsOf(record.snapshot) };
}

function toRecord(stored: StoredInterview): InterviewRecord {
  const { facts: _facts, ...record } = stored;
  return record;
}
