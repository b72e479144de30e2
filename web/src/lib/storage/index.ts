// Public face of the app's on-device storage (IndexedDB).
export { DATABASE_NAME, DATABASE_VERSION, openDatabase } from './database.ts';
export { backupDocumentsDraft, emptyDraft, loadDocumentsDraft, saveDocumentsDraft } from './documents-draft.ts';
export type { DocumentsDraft, DocumentSlotDraft, InterviewLimitsDraft } from './documents-draft.ts';
export { latestUnfinishedInterview, loadInterview, saveInterview } from './interviews.ts';
export type { InterviewRecord } from './interviews.ts';
export { answerDraftBackup, type AnswerDraftBackup } from './answer-draft-backup.ts';
