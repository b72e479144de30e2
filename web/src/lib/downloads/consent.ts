// Whether a model download may start by itself or must be confirmed first: a metered connection or Save-Data asks,
// a model already stored on this device never does. Pure, so the rule is tested without a browser.

/** What the browser says of the connection (the Network Information API; Chromium only, absent elsewhere). */
export interface ConnectionInfo {
  saveData?: boolean;
  /** 'wifi', 'cellular', 'ethernet', … (Chromium on Android and ChromeOS). */
  type?: string;
  /** 'slow-2g', '2g', '3g' or '4g': how fast the connection has been, not what it costs. */
  effectiveType?: string;
}

/** Start the download now, or ask the candidate first. */
export type DownloadDecision = 'download' | 'ask';

/** What the decision rests on. */
export interface DownloadQuestion {
  connection: ConnectionInfo | undefined;
  /** Whether the model's files are already in Cache Storage. */
  cached: boolean;
  /** The download's size in bytes. */
  bytes: number;
}

/** Downloads smaller than this (the voice-activity model, ~2 MB) start without asking. */
export const ASK_ABOVE_BYTES = 10_000_000;

const SLOW = new Set(['slow-2g', '2g', '3g']);

/** A connection the candidate may pay for or wants spared: Save-Data on, cellular, or as slow as 2g/3g. */
export function isMetered(connection: ConnectionInfo | undefined): boolean {
  if (!connection) return false;
  return connection.saveData === true || connection.type === 'cellular' || SLOW.has(connection.effectiveType ?? '');
}

/** Asks before a large download on a metered connection; a stored model or an unmetered connection downloads. */
export function downloadDecision({ connection, cached, bytes }: DownloadQuestion): DownloadDecision {
  return !cached && bytes >= ASK_ABOVE_BYTES && isMetered(connection) ? 'ask' : 'download';
}

/** "120 MB" for a download's size (whole megabytes: sizes are stated before the files are seen). */
export function formatDownloadSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1_000_000))} MB`;
}
