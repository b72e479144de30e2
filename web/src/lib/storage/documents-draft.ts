// The setup screen's draft (both documents' text, file names, edits, instructions, the interview's type, level and
// plan) as stored in IndexedDB, with a synchronous localStorage copy.
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

/** How the candidate wants to be interviewed, as chosen on the setup screen (checked by the setup screen when read back). */
export interface InterviewProfileDraft {
  /** 'behavioural', 'technical' or 'mixed'. */
  interviewType: string;
  /** The level the candidate picked; absent while the level the job description implies applies. */
  level?: string;
}

/** The interview plan shown on the setup screen until the interview starts. */
export interface PlanDraft {
  /** The plan, in the interview's shape (read back through its normaliser, so an older or damaged one is safe). */
  plan: unknown;
  /** A fingerprint of the documents, instructions, type and level it was made from. */
  basis: string;
  /** True once the candidate changed it: it is then never replaced without their say. */
  edited: boolean;
}

/** Everything on the setup screen. */
export interface DocumentsDraft {
  resume: DocumentSlotDraft;
  jobDescription: DocumentSlotDraft;
  instructions: string;
  /** Absent in drafts saved before limits could be chosen; the defaults apply then. */
  limits?: InterviewLimitsDraft;
  /** The language model the candidate picked (a model reference such as `openai:qwen3:8b`); absent means the server's default. */
  model?: string;
  /** Absent until the candidate chose a type or level; the defaults apply then. */
  profile?: InterviewProfileDraft;
  /** Absent until a plan was made for these documents (and again once the interview starts). */
  plan?: PlanDraft;
  updatedAt: number;
}

/** A draft with nothing in it yet. */
export function emptyDraft(): DocumentsDraft {
  const slot = (): DocumentSlotDraft => ({ text: '', source: 'typed', notices: [] });
  return { resume: slot(), jobDescription: slot(), instructions: '', updatedAt: 0 };
}

// Warning: an IndexedDB write still in flight when the page unloads can be lost, so each change is also
// copied synchronously to localStorage (without the pending file, which only IndexedDB can hold).
const BACKUP_KEY = 'xquizit:documents-draft';

/** Copies the draft to localStorage at once; a page closed mid-write still has it. */
export function backupDocumentsDraft(draft: DocumentsDraft): void {
  try {
    const { resume, jobDescription } = draft;
    localStorage.setItem(BACKUP_KEY, JSON.stringify({ ...draft, resume: withoutFile(resume), jobDescription: withoutFile(jobDescription) }));
  } catch {
    // A full or disabled localStorage leaves IndexedDB as the only copy; the screen says when that fails.
  }
}

/** Reads the saved draft, if there is one: the newer of the IndexedDB record and its localStorage copy. */
export async function loadDocumentsDraft(): Promise<DocumentsDraft | undefined> {
  const stored = await (await openDatabase()).get('drafts', 'documents');
  const backup = readBackup();
  if (!backup || (stored && stored.updatedAt >= backup.updatedAt)) return stored;
  return {
    ...backup,
    resume: { ...backup.resume, pendingFile: stored?.resume.pendingFile },
    jobDescription: { ...backup.jobDescription, pendingFile: stored?.jobDescription.pendingFile },
  };
}

function readBackup(): DocumentsDraft | undefined {
  try {
    const text = localStorage.getItem(BACKUP_KEY);
    return text ? (JSON.parse(text) as DocumentsDraft) : undefined;
  } catch {
    return undefined;
  }
}

function withoutFile(slot: DocumentSlotDraft): DocumentSlotDraft {
  const { pendingFile: _file, ...rest } = slot;
  return rest;
}

/** Saves the draft, replacing the previous one. */
export async function saveDocumentsDraft(draft: DocumentsDraft): Promise<void> {
  await (await openDatabase()).put('drafts', draft, 'documents');
}
