// The setup screen's draft (both documents' text, file names, edits, instructions) as stored in IndexedDB.
import type { DocumentKind } from '../documents/index.ts';
import { openDatabase } from './database.ts';

/** One document on the setup screen, as the candidate left it. */
export interface DocumentSlotDraft {
  /** The text the interview will use (extracted, pasted or edited). */
  text: string;
  /** Where the text came from. */
  source: 'file' | 'typed';
  /** The file's name when it came from a file. */
  fileName?: string;
  kind?: DocumentKind;
  pageCount?: number;
  /** Notices from extraction (cut to budget...). */
  notices: string[];
  /** A file waiting for its password, kept so a reload does not lose it. */
  pendingFile?: Blob;
}

/** The interview's limits as chosen on the setup screen. */
export interface InterviewLimitsDraft {
  maxMinutes: number;
  maxQuestions: number;
}

/** Everything on the setup screen. */
export interface DocumentsDraft {
  resume: DocumentSlotDraft;
  jobDescription: DocumentSlotDraft;
  instructions: string;
  /** Absent in drafts saved before limits could be chosen; the defaults apply then. */
  limits?: InterviewLimitsDraft;
  updatedAt: number;
}

/** A draft with nothing in it yet. */
export function emptyDraft(): DocumentsDraft {
  const slot = (): DocumentSlotDraft => ({ text: '', source: 'typed', notices: [] });
  return { resume: slot(), jobDescription: slot(), instructions: '', updatedAt: 0 };
}

/** Reads the saved draft, if there is one. */
export async function loadDocumentsDraft(): Promise<DocumentsDraft | undefined> {
  return (await openDatabase()).get('drafts', 'documents');
}

/** Saves the draft, replacing the previous one. */
export async function saveDocumentsDraft(draft: DocumentsDraft): Promise<void> {
  await (await openDatabase()).put('drafts', draft, 'documents');
}
