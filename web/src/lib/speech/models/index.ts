// Public face of the speech models' downloads: where their files come from and how a download's progress is told.
export { applyModelSource, modelSourceSettings, MODELS_BASE_PATH, resolveModelSource, serverHasModels, voicesBaseUrl, VOICES_BASE_PATH, type ModelSource } from './model-source.ts';
export { applyProgressEvent, downloadProgress, summarizeProgress, type DownloadProgressReply, type FileProgress, type ProgressSummary, type TransformersProgressEvent } from './progress.ts';
