// The documents capability's shared vocabulary: what extraction yields and how it can fail.

/** The formats xquizit reads, decided by a file's bytes. */
export type DocumentKind = 'pdf' | 'docx' | 'text';

/** Every way reading a document can fail, each with its own message for the candidate. */
export type DocumentProblemCode =
  | 'empty-file'
  | 'too-large'
  | 'too-many-pages'
  | 'legacy-format'
  | 'image'
  | 'unsupported'
  | 'corrupt'
  | 'needs-password'
  | 'wrong-password'
  | 'no-text-layer'
  | 'no-text'
  | 'too-slow'
  | 'reader-failed';

/** A failure to read a document, said in plain words with what to do next. */
export interface DocumentProblem {
  code: DocumentProblemCode;
  message: string;
}

/** A document turned into the text the interviewer will read. */
export interface ExtractedDocument {
  kind: DocumentKind;
  text: string;
  /** Pages in the source, for PDFs. */
  pageCount?: number;
  /** True when the text was cut to the word budget. */
  truncated: boolean;
  /** Things the candidate should know (cut to budget, pages skipped...), in plain words. */
  notices: string[];
}

/** The outcome of reading one file. */
export type ExtractOutcome = { ok: true; document: ExtractedDocument } | { ok: false; problem: DocumentProblem };
