// DOCX to plain text: mammoth (imported lazily, so it is its own chunk) writes HTML, docx-html.ts lays it out as text.
// Thin adapter; the layout rules live in docx-html.ts.
import type mammothModule from 'mammoth';
import { docxHtmlToText } from './docx-html.ts';

/** Text read from a DOCX, or why none could be read. */
export type DocxOutcome = { ok: true; text: string } | { ok: false; code: 'corrupt' | 'reader-failed' };

/** Reads a DOCX's text: paragraphs, headings, lists, tables, text boxes, footnotes and endnotes. Images are skipped. */
export async function extractDocx(data: ArrayBuffer): Promise<DocxOutcome> {
  let mammoth: typeof mammothModule;
  try {
    mammoth = (await import('mammoth')).default;
  } catch {
    return { ok: false, code: 'reader-failed' };
  }
  // Warning: mammoth's Node build reads `buffer`, its browser build (which Vite picks through the package's "browser"
  // field) reads `arrayBuffer`; JSZip takes an ArrayBuffer in both, so passing both keys works everywhere.
  const input = { arrayBuffer: data, buffer: data };
  try {
    const result = await mammoth.convertToHtml(input, {
      // Images carry no text; an empty src keeps mammoth from reading and base64-encoding them.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    return { ok: true, text: docxHtmlToText(result.value) };
  } catch {
    return { ok: false, code: 'corrupt' };
  }
}
