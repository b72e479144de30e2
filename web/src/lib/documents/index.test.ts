// The public face: extractDocument wires the real readers, with the PDF worker's extractPdf mocked (no Worker in Node).
import { describe, expect, it, vi } from 'vitest';
import * as documents from './index.ts';
import { extractPdf } from './pdf/index.ts';
import { readFixture } from './testdata/fixtures.ts';

vi.mock('./pdf/index.ts', () => ({
  extractPdf: vi.fn(async () => ({ ok: true, text: 'Text from\u00A0the PDF worker.', pageCount: 3 })),
  warmPdfReader: vi.fn(async () => {}),
}));

describe('documents/index.ts', () => {
  it('exports the public API', () => {
    expect(Object.keys(documents).sort()).toEqual(['MAX_FILE_BYTES', 'MAX_PDF_PAGES', 'WORD_BUDGET', 'extractDocument', 'warmPdfReader']);
  });

  it('sends a PDF to extractPdf and cleans what it returns', async () => {
    const file = new File([await readFixture('awesome-cv-resume.pdf')], 'resume.pdf');
    const outcome = await documents.extractDocument(file, { password: 'secret' });
    expect(outcome).toEqual({
      ok: true,
      document: { kind: 'pdf', text: 'Text from the PDF worker.', pageCount: 3, truncated: false, notices: [] },
    });
    expect(extractPdf).toHaveBeenCalledWith(expect.any(ArrayBuffer), { password: 'secret', maxPages: documents.MAX_PDF_PAGES });
  });

  it('reads a DOCX without the PDF worker', async () => {
    vi.mocked(extractPdf).mockClear();
    const file = new File([await readFixture('mammoth-single-paragraph.docx')], 'cv.docx');
    const outcome = await documents.extractDocument(file);
    expect(outcome).toEqual({
      ok: true,
      document: { kind: 'docx', text: 'Walking on imported air', truncated: false, notices: [] },
    });
    expect(extractPdf).not.toHaveBeenCalled();
  });
});
