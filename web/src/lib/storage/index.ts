// Public face of the app's on-device storage (IndexedDB, and the space it and Cache Storage use).
export { DATABASE_NAME, DATABASE_VERSION, openDatabase } from './database.ts';
export { backupDocumentsDraft, emptyDraft, loadDocumentsDraft, saveDocumentsDraft } from './documents-draft.ts';
export type { DocumentsDraft, DocumentSlotDraft, InterviewLimitsDraft, InterviewProfileDraft, PlanDraft } from './documents-draft.ts';
export {
  addInterview,
  deleteAllInterviews,
  deleteInterview,
  latestUnfinishedInterview,
  listInterviews,
  loadInterview,
  renameInterview,
  saveInterview,
  summarize,
  withInterviewId,
} from './interviews.ts';
export type { AddedInterview, InterviewRecord, InterviewStatus, InterviewSummary, StoredInterview } from './interviews.ts';
export { durationOf, factsOf, guessRoleAndCompany, stoppedByError, type InterviewFacts, type RoleAndCompany } from './summary.ts';
export { describeSaveError, isQuotaError } from './errors.ts';
export { freeCachedDownloads, isAppShellCache, storageEstimate, type StorageEstimate } from './usage.ts';
export { readFirst, type FirstRead } from './first-read.ts';
export { answerDraftBackup, type AnswerDraftBackup } from './answer-draft-backup.ts';
export { indexedDbSegmentStore, memorySegmentStore, type SegmentStore, type StoredSegment, type StoredSegmentState } from './answer-audio.ts';
export { listReports, loadReport, saveReport, type StoredReport } from './reports.ts';
export {
  answerRecordingsBytes,
  assembleTakes,
  hasAnswerRecording,
  indexedDbRecordingStore,
  loadAnswerTakes,
  memoryRecordingStore,
  onAnswerRecordingStored,
  type AnswerRecordingChunk,
  type AnswerRecordingStore,
  type AnswerTake,
} from './answer-recordings.ts';
