// Every word the candidate reads about a document: problems (what happened, what to do next) and notices.
// Pure; one place so the wording stays consistent and the numbers always come from limits.ts.
import type { ImageFormat, LegacyFormat } from './detect.ts';
import { MAX_FILE_BYTES, MAX_PDF_PAGES, PDF_READ_TIMEOUT_MS, WORD_BUDGET } from './limits.ts';
import type { DocumentProblem, DocumentProblemCode } from './types.ts';
import { assertNever } from '../common/index.ts';

/** What a file turned out to be, where that changes the wording. */
export type MessageFormat = LegacyFormat | ImageFormat | 'encrypted-office' | 'docx' | 'zip';

/** Facts a message may name. */
export interface MessageContext {
  /** The file's name as the candidate knows it; messages say "this file" without it. */
  fileName?: string;
  format?: MessageFormat;
  /** The file's size, for 'too-large'. */
  sizeBytes?: number;
  /** The document's pages, for 'too-many-pages'. */
  pageCount?: number;
}

const BYTES_PER_MB = 1024 * 1024;

/** The plain-words message for a problem: what happened, then what to do next. */
export function problemMessage(code: DocumentProblemCode, context: MessageContext = {}): string {
  const Name = subject(context, true);
  const name = subject(context, false);
  switch (code) {
    case 'empty-file':
      return `${Name} is empty (0 bytes), so there is nothing to read. It may not have finished saving or downloading: open it, save it again, and choose it once more.`;
    case 'too-large': {
      const size = context.sizeBytes === undefined ? 'larger than' : `${megabytes(context.sizeBytes)}, more than`;
      return `${Name} is ${size} the ${megabytes(MAX_FILE_BYTES)} xquizit reads. A resume or job description is usually far smaller: save it again without large pictures, or as a PDF, and choose that file, or paste its text instead.`;
    }
    case 'too-many-pages': {
      const pages = context.pageCount === undefined ? `more than ${MAX_PDF_PAGES} pages` : `${count(context.pageCount)} pages`;
      return `${Name} has ${pages}; xquizit reads documents of up to ${MAX_PDF_PAGES} pages. Check that it's the right file, or save just the pages that matter as a new PDF.`;
    }
    case 'legacy-format':
      return legacyMessage(Name, isLegacy(context.format) ? context.format : 'office97');
    case 'image':
      return `${Name} is a picture, not a document, so it has no text xquizit can read. Choose the PDF, Word (.docx) or text file instead, or paste the text.`;
    case 'unsupported':
      if (context.format === 'encrypted-office') {
        return `${Name} is protected with a password, and xquizit can't open password-protected Word files. Open it in Word, remove the password (File › Info › Protect Document) or save a copy as PDF, then choose that file, or paste its text instead.`;
      }
      return `xquizit can't read ${name}: it isn't a PDF, Word (.docx) or plain text file. Save it in one of those formats and choose it again, or paste its text instead.`;
    case 'corrupt': {
      const maker = context.format === 'docx' ? 'Word (or the program that made it)' : 'the program that made it';
      return `${Name} seems damaged or incomplete, so it can't be read. Open it in ${maker} and save it again, or save it as PDF, then choose the new file.`;
    }
    case 'needs-password':
      return `${Name} is protected with a password. Enter the password to open it.`;
    case 'wrong-password':
      return `That password didn't open ${name}. Check it (passwords are case-sensitive) and try again.`;
    case 'no-text-layer':
      return `${Name} has no text in it, only pictures of pages, like a scan. Save the original document as PDF or Word (.docx) from the program that made it and choose that, or paste its text instead.`;
    case 'no-text':
      return `${Name} has no text in it. Check that it's the right file, or choose another one.`;
    case 'too-slow':
      return `${Name} kept the PDF reader busy for more than ${Math.round(PDF_READ_TIMEOUT_MS / 1000)} seconds, so it was stopped: the file may be damaged or built in an unusual way. Open it and save it again as PDF (or print it to PDF), then choose the new file, or paste its text instead.`;
    case 'reader-failed':
      return `Something went wrong while reading ${name}. Try again; if it keeps failing, save the file as PDF and choose that, or paste its text instead.`;
    default:
      return assertNever(code);
  }
}

/** A problem with its message, ready to hand to the UI. */
export function documentProblem(code: DocumentProblemCode, context: MessageContext = {}): DocumentProblem {
  return { code, message: problemMessage(code, context) };
}

/** The notice shown when a document was cut to the word budget. */
export function truncationNotice(budget: number = WORD_BUDGET): string {
  return `This document is long, so only its first ${count(budget)} words are used. Edit the text to choose what matters.`;
}

function legacyMessage(Name: string, format: LegacyFormat): string {
  const docxOrPdf = 'save it as a Word document (.docx) or PDF, then choose the new file (or paste its text instead).';
  switch (format) {
    case 'doc':
      return `${Name} is an older Word document (.doc), which xquizit can't read. Open it in Word, LibreOffice or Google Docs, ${docxOrPdf}`;
    case 'office97':
      return `${Name} is an older Microsoft Office file, which xquizit can't read. Open it in the program that made it, ${docxOrPdf}`;
    case 'rtf':
      return `${Name} is a Rich Text (.rtf) file, which xquizit can't read. Open it in Word, LibreOffice or TextEdit, ${docxOrPdf}`;
    case 'odt':
      return `${Name} is an OpenDocument (.odt) file, which xquizit can't read. Open it in LibreOffice or Word, ${docxOrPdf}`;
    case 'pages':
      return `${Name} is an Apple Pages document, which xquizit can't read. In Pages, choose File › Export To › PDF (or Word), then choose the new file (or paste its text instead).`;
    default:
      return assertNever(format);
  }
}

function isLegacy(format: MessageFormat | undefined): format is LegacyFormat {
  return format === 'doc' || format === 'office97' || format === 'rtf' || format === 'odt' || format === 'pages';
}

function subject(context: MessageContext, capital: boolean): string {
  if (context.fileName) return `“${context.fileName}”`;
  return capital ? 'This file' : 'this file';
}

function megabytes(bytes: number): string {
  const mb = bytes / BYTES_PER_MB;
  // Rounded up, so a file just over the limit never reads as the limit itself.
  return `${Number.isInteger(mb) ? mb : (Math.ceil(mb * 10) / 10).toFixed(1)} MB`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
