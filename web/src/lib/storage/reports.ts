// The coach's reports as stored in IndexedDB, one per interview, keyed by the interview's id. Storage keeps them
// opaque: the report capability (feedback/) writes them and checks what it reads back.
import { openDatabase } from './database.ts';

/** What storage knows of a report: whose it is and when it last changed; the rest belongs to the report. */
export interface StoredReport {
  interviewId: string;
  updatedAt: number;
}

/** Saves (creates or replaces) an interview's report. */
export async function saveReport(report: StoredReport): Promise<void> {
  await (await openDatabase()).put('reports', report);
}

/** Reads an interview's report, as stored (the caller validates it). */
export async function loadReport(interviewId: string): Promise<unknown> {
  return (await openDatabase()).get('reports', interviewId);
}

/** Every report on this device, as stored. */
export async function listReports(): Promise<unknown[]> {
  return (await openDatabase()).getAll('reports');
}
