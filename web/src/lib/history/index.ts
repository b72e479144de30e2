// Public face of the interview history: the screen, and the pure export formats (Markdown, versioned JSON).
export { default as HistoryScreen } from './HistoryScreen.svelte';
export { EXPORT_FORMAT, EXPORT_VERSION, createExport, exportJson, parseExport, type InterviewExport, type ParsedExport } from './envelope.ts';
export { interviewMarkdown, planOf, reportSubjectOf, transcriptOf } from './markdown.ts';
export { displayTitle } from './title.ts';
export { importInterviewFile, downloadText, type ImportOutcome } from './transfer.ts';
