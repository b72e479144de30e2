// The documents orchestrator: size checks, type detection, the reader for each kind, cleanup, word budget, notices.
// A thin shell: each step lives in its own file; extractDocumentWith takes the PDF reader, so tests pass fakes.
import { applyWordBudget } from './budget.ts';
import { detectDocument } from './detect.ts';
import { extractDocx } from './docx.ts';
import { MAX_FILE_BYTES, MAX_PDF_PAGES } from './limits.ts';
import { documentProblem, type MessageContext, truncationNotice } from './messages.ts';
import { hasText, normalizeText } from './normalize.ts';
import { extractPdf, type PdfOutcome, type PdfReadOptions } from './pdf/index.ts';
import { decodeText } from './text.ts';
import type { DocumentKind, DocumentProblem, DocumentProblemCode, ExtractOutcome } from './types.ts';
import { assertNever } from '../common/index.ts';

/** Options for reading one document. */
export interface ExtractOptions {
  /** The password of a protected PDF, when the candidate gave one. */
  password?: string;
}

/** The PDF reader's contract, as pdf/index.ts's extractPdf keeps it. */
export type PdfReader = (bytes: ArrayBuffer, options: PdfReadOptions) => Promise<PdfOutcome>;

interface RawText {
  kind: DocumentKind;
  text: string;
  pageCount?: number;
}

type RawOutcome = { ok: true; raw: RawText } | { ok: false; problem: DocumentProblem };

/** Reads any file the candidate gives into clean, budgeted text, or a plain-words problem; PDFs go to the PDF worker. */
export function extractDocument(file: Blob, options: ExtractOptions = {}): Promise<ExtractOutcome> {
  return extractDocumentWith(file, options, extractPdf);
}

/** extractDocument with the PDF reader passed in. */
export async function extractDocumentWith(
  file: Blob,
  options: ExtractOptions,
  readPdf: PdfReader,
): Promise<ExtractOutcome> {
  const context: MessageContext = file instanceof File ? { fileName: file.name } : {};
  if (file.size === 0) return failure('empty-file', context);
  if (file.size > MAX_FILE_BYTES) return failure('too-large', { ...context, sizeBytes: file.size });

  let data: ArrayBuffer;
  try {
    data = await file.arrayBuffer();
  } catch {
    return failure('reader-failed', context);
  }
  const outcome = await readRawText(data, options, readPdf, context);
  if (!outcome.ok) return outcome;

  const text = normalizeText(outcome.raw.text);
  if (!hasText(text)) return failure('no-text', context);
  const budgeted = applyWordBudget(text);
  return {
    ok: true,
    document: {
      kind: outcome.raw.kind,
      text: budgeted.text,
      ...(outcome.raw.pageCount === undefined ? {} : { pageCount: outcome.raw.pageCount }),
      truncated: budgeted.truncated,
      notices: budgeted.truncated ? [truncationNotice()] : [],
    },
  };
}

async function readRawText(
  data: ArrayBuffer,
  options: ExtractOptions,
  readPdf: PdfReader,
  context: MessageContext,
): Promise<RawOutcome> {
  // Warning: detection reads `bytes` before any reader runs; the PDF reader may transfer (detach) `data` to its worker.
  const bytes = new Uint8Array(data);
  const detection = detectDocument(bytes);
  switch (detection.kind) {
    case 'pdf': {
      let result: PdfOutcome;
      try {
        result = await readPdf(data, { password: options.password, maxPages: MAX_PDF_PAGES });
      } catch {
        return failure('reader-failed', context);
      }
      if (!result.ok) return failure(result.code, { ...context, pageCount: result.pageCount });
      return { ok: true, raw: { kind: 'pdf', text: result.text, pageCount: result.pageCount } };
    }
    case 'docx': {
      const result = await extractDocx(data);
      if (!result.ok) return failure(result.code, { ...context, format: 'docx' });
      return { ok: true, raw: { kind: 'docx', text: result.text } };
    }
    case 'text':
      return { ok: true, raw: { kind: 'text', text: decodeText(bytes, detection.encoding) } };
    case 'empty':
      return failure('empty-file', context);
    case 'legacy':
      return failure('legacy-format', { ...context, format: detection.format });
    case 'image':
      return failure('image', { ...context, format: detection.format });
    case 'encrypted-office':
      return failure('unsupported', { ...context, format: 'encrypted-office' });
    case 'damaged':
      return failure('corrupt', { ...context, format: detection.format });
    case 'unknown':
      return failure('unsupported', context);
    default:
      return assertNever(detection);
  }
}

function failure(code: DocumentProblemCode, context: MessageContext): { ok: false; problem: DocumentProblem } {
  return { ok: false, problem: documentProblem(code, context) };
}
