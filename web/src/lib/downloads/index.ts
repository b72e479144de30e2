// Public face of large model downloads: the rule for when to ask, the gate that asks, and what it shows.
export { ASK_ABOVE_BYTES, downloadDecision, formatDownloadSize, isMetered, type ConnectionInfo, type DownloadDecision, type DownloadQuestion } from './consent.ts';
export { isModelCached, TRANSFORMERS_CACHE } from './cache.ts';
export { browserConnection, DownloadGate, type DownloadGateDeps, type DownloadRequest, type ModelDownload } from './gate.svelte.ts';
export { default as DownloadConfirm } from './DownloadConfirm.svelte';
