// The history screen's state: the list of interviews, the one being read, and the messages after each action.
// Thin shell over storage and the export/import adapters; every action reloads the list from IndexedDB.
import { parseReportRecord, reportTrend, type ReportRecord, type TrendPoint } from '../feedback/index.ts';
import {
  answerDraftBackup,
  deleteAllInterviews,
  deleteInterview,
  describeSaveError,
  listInterviews,
  listReports,
  loadInterview,
  loadReport,
  renameInterview,
  type InterviewRecord,
  type InterviewSummary,
} from '../storage/index.ts';
import { exportJson } from './envelope.ts';
import { exportFileName } from './format.ts';
import { interviewMarkdown } from './markdown.ts';
import { displayTitle } from './title.ts';
import { downloadText, importInterviewFile } from './transfer.ts';

/** A message after an action: good news, or a problem. */
export interface HistoryNotice {
  kind: 'info' | 'error';
  text: string;
}

/** The list, the open interview and the last notice. */
export class HistoryState {
  /** Newest first; null until first loaded. */
  items = $state.raw<InterviewSummary[] | null>(null);
  /** The interview being read, with its list row. */
  reading = $state.raw<{ record: InterviewRecord; summary: InterviewSummary } | null>(null);
  notice = $state.raw<HistoryNotice | null>(null);
  /** Each rubric dimension across the judged interviews of the current rubric version, oldest first. */
  trend = $state.raw<TrendPoint[]>([]);

  /** Reloads the list, and the trend from the stored reports. */
  async refresh(): Promise<void> {
    try {
      this.items = await listInterviews();
    } catch (error) {
      this.items = [];
      this.#error(`The interviews on this device could not be read (${message(error)}).`);
    }
    const dates: Record<string, number> = Object.fromEntries(this.items.map((item) => [item.id, item.date]));
    try {
      const reports = (await listReports()).flatMap((stored) => {
        const record = parseReportRecord(stored);
        const date = record ? dates[record.interviewId] : undefined;
        return record && date !== undefined ? [{ date, record }] : [];
      });
      this.trend = reportTrend(reports);
    } catch {
      this.trend = [];
    }
  }

  /** Opens one interview to read; false when it is gone. */
  async open(id: string): Promise<boolean> {
    const record = await loadInterview(id);
    const summary = this.items?.find((item) => item.id === id);
    if (!record || !summary) {
      this.#error('This interview is no longer on this device.');
      await this.refresh();
      return false;
    }
    this.reading = { record, summary };
    return true;
  }

  /** Back from reading to the list. */
  close(): void {
    this.reading = null;
  }

  /** Renames one interview (an empty name goes back to role and company). */
  async rename(id: string, title: string): Promise<void> {
    try {
      await renameInterview(id, title);
      this.notice = { kind: 'info', text: title.trim() ? `Renamed to “${title.trim()}”.` : 'Name removed.' };
    } catch (error) {
      this.#error(describeSaveError(error, 'the new name'));
    }
    await this.refresh();
  }

  /** Deletes one interview, and its unsent-answer copy. */
  async remove(id: string): Promise<void> {
    const item = this.items?.find((row) => row.id === id);
    try {
      await deleteInterview(id);
      answerDraftBackup.clear(id);
      this.notice = { kind: 'info', text: `Deleted “${item ? displayTitle(item) : 'the interview'}”.` };
    } catch (error) {
      this.#error(`The interview could not be deleted (${message(error)}).`);
    }
    if (this.reading?.record.id === id) this.reading = null;
    await this.refresh();
  }

  /** Deletes every interview on this device. */
  async removeAll(): Promise<void> {
    const ids = this.items?.map((item) => item.id) ?? [];
    try {
      await deleteAllInterviews();
      for (const id of ids) answerDraftBackup.clear(id);
      this.notice = { kind: 'info', text: 'Deleted every interview on this device.' };
    } catch (error) {
      this.#error(`The interviews could not be deleted (${message(error)}).`);
    }
    this.reading = null;
    await this.refresh();
  }

  /** Downloads one interview as Markdown or as a JSON export. */
  async export(id: string, as: 'md' | 'json'): Promise<void> {
    const record = await loadInterview(id);
    const item = this.items?.find((row) => row.id === id);
    if (!record || !item) {
      this.#error('This interview is no longer on this device.');
      return;
    }
    const name = exportFileName(displayTitle(item), item.date, as);
    const report = await storedReport(id);
    if (as === 'md') downloadText(name, interviewMarkdown(record, { report }), 'text/markdown');
    else downloadText(name, exportJson(record, Date.now(), report), 'application/json');
  }

  /** Imports an exported file; on any problem nothing changes and the notice says why. */
  async import(file: File): Promise<void> {
    const outcome = await importInterviewFile(file);
    this.notice = outcome.ok ? { kind: 'info', text: outcome.message } : { kind: 'error', text: outcome.error };
    await this.refresh();
  }

  #error(text: string): void {
    this.notice = { kind: 'error', text };
  }
}

/** An interview's stored report, when there is one this app can read. */
async function storedReport(id: string): Promise<ReportRecord | null> {
  try {
    return parseReportRecord(await loadReport(id));
  } catch {
    return null;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
