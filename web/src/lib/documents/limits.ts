// The limits a document must fit, stated once so the checks and the messages agree.

/** Largest file accepted, in bytes. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Most PDF pages read; a resume or job description longer than this is almost surely the wrong file. */
export const MAX_PDF_PAGES = 30;

/** Most words kept of one document; the rest is cut with a notice, to keep the interviewer's prompt focused. */
export const WORD_BUDGET = 5000;
