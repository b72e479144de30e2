// The PDF reader's own vocabulary: what pdf.js hands the layout, and what reading a PDF yields.

/** One run of text as pdf.js's getTextContent reports it, reduced to what the layout reads. */
export interface PdfTextItem {
  /** The text; may be empty or only spaces (pdf.js marks gaps and line ends that way). */
  str: string;
  /** 'ltr', 'rtl' or 'ttb'. */
  dir: string;
  /** [a, b, c, d, e, f]: e and f are the baseline start in PDF points, y growing upwards. */
  transform: number[];
  /** Advance width in PDF points. */
  width: number;
  /** Font height in PDF points; 0 for pdf.js's space items. */
  height: number;
}

/** One page's text items with the page's box, pdf.js's `page.view`: [x0, y0, x1, y1]. */
export interface PdfPageText {
  view: number[];
  items: PdfTextItem[];
}

/** What the caller may say about a PDF before it is read. */
export interface PdfReadOptions {
  /** The password the candidate typed, for a protected file. */
  password?: string;
  /** Most pages read; more is a `too-many-pages` problem. Defaults to MAX_PDF_PAGES. */
  maxPages?: number;
}

/** The problems reading a PDF can end in; messages.ts words them. */
export type PdfProblemCode = 'needs-password' | 'wrong-password' | 'corrupt' | 'no-text-layer' | 'too-many-pages' | 'too-slow' | 'reader-failed';

/** Why a PDF gave no text, with the facts a message may name. */
export interface PdfFailure {
  ok: false;
  code: PdfProblemCode;
  /** The document's pages, for 'too-many-pages'. */
  pageCount?: number;
}

/** The outcome of reading one PDF: its text, or why there is none. */
export type PdfOutcome = { ok: true; text: string; pageCount: number } | PdfFailure;
