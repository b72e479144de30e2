// The documents capability's public face: any file the candidate gives (PDF, DOCX, text) to clean, budgeted text,
// or a problem in plain words. Importing it is cheap: mammoth and pdf.js load only when a file of their kind is read.
export { extractDocument, type ExtractOptions } from './extract.ts';
export { MAX_FILE_BYTES, MAX_PDF_PAGES, WORD_BUDGET } from './limits.ts';
export { warmPdfReader } from './pdf/index.ts';
export type { DocumentKind, DocumentProblem, DocumentProblemCode, ExtractedDocument, ExtractOutcome } from './types.ts';
