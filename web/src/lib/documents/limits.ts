// The limits a document must fit, stated once so the checks and the messages agree.

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Most PDF pages read; a resume or job description longer than this is almost surely the wrong file. */
export const MAX_PDF_PAGES = 30;

/**
 * The longest one PDF may keep the reader busy (pdf.js loading included); then its worker is stopped. A
 * three-page resume takes well under a second; a PDF built (or broken) to keep pdf.js working never ends.
 */
export const PDF_READ_TIMEOUT_MS = 30_000;

/** Most words kept of one document; the rest is cut with a notice, to keep the interviewer's prompt focused. */
export const WORD_BUDGET = 5000;
