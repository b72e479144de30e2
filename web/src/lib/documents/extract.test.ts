// End-to-end tests of extractDocumentWith: real files through detection, readers, cleanup and budget; a fake PDF reader.
import { describe, expect, it, vi } from 'vitest';
import { extractDocumentWith, type PdfReader } from './extract.ts';
import { MAX_FILE_BYTES, MAX_PDF_PAGES, WORD_BUDGET } from './limits.ts';
import { problemMessage, truncationNotice } from './messages.ts';
import { readFixture, readReference } from './testdata/fixtures.ts';
import { wordRecallInOrder } from './testdata/word-recall.ts';
import type { ExtractOutcome } from './types.ts';

const noPdf: PdfReader = () => Promise.reject(new Error('no PDF expected'));
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);
const fixture = async (name: string, as = name) => fileOf(await readFixture(name), as);

function documentOf(outcome: ExtractOutcome) {
  if (!outcome.ok) throw new Error(`expected a document, got ${outcome.problem.code}: ${outcome.problem.message}`);
  return outcome.document;
}

describe('extractDocumentWith: text files', () => {
  it('cleans a UTF-8 text file', async () => {
    const document = documentOf(await extractDocumentWith(await fixture('plain-utf8.txt'), {}, noPdf));
    expect(document).toEqual({
      kind: 'text',
      text:
        'Data Analyst — Remote\n\nWe are looking for an analyst who finds stories in numbers. You will work with SQL and Python.' +
        '\n\nRequirements:\n- Three years of experience\n- Clear writing',
      truncated: false,
      notices: [],
    });
  });

  it('keeps Markdown as written, without the byte-order mark', async () => {
    const document = documentOf(await extractDocumentWith(await fixture('markdown-bom.md'), {}, noPdf));
    expect(document.text).toBe(
      '# Alex Kim\n\n**Product designer** in Busan.\n\n## Experience\n\n- Led the redesign of a banking app (4M users)\n' +
        '- Ran 40 usability studies\n\n| Year | Company |\n|---|---|\n| 2021 | Hana Bank |',
    );
  });

  it.each([
    ['utf16le.txt', 'Résumé — Élodie Martin\nDéveloppeuse full-stack à Lyon.'],
    ['utf16be.txt', '데이터 엔지니어 김민준\nSeoul, 2024.'],
  ])('decodes %s', async (name, expected) => {
    expect(documentOf(await extractDocumentWith(await fixture(name), {}, noPdf)).text).toBe(expected);
  });

  it('cuts a long text to the word budget and says so', async () => {
    const sentence = 'We build reliable payment systems for small shops. ';
    const long = new File([sentence.repeat(Math.ceil((WORD_BUDGET * 1.5) / 8))], 'long.txt');
    const document = documentOf(await extractDocumentWith(long, {}, noPdf));
    expect(document.truncated).toBe(true);
    expect(document.notices).toEqual([truncationNotice()]);
    expect(document.text.split(/\s+/).length).toBeLessThanOrEqual(WORD_BUDGET);
    expect(document.text.endsWith('small shops.')).toBe(true);
  });
});

describe('extractDocumentWith: DOCX', () => {
  it.each([
    ['textbox-notes.docx', 'textbox-notes.reference.txt'],
    ['table-list.docx', 'table-list.reference.txt'],
  ])('reads %s with ≥ 98% recall', async (name, reference) => {
    const document = documentOf(await extractDocumentWith(await fixture(name), {}, noPdf));
    expect(document.kind).toBe('docx');
    expect(document.truncated).toBe(false);
    expect(wordRecallInOrder(await readReference(reference), document.text)).toBeGreaterThanOrEqual(0.98);
  });

  it('lets an optional hyphen (U+00AD) vanish', async () => {
    const document = documentOf(await extractDocumentWith(await fixture('textbox-notes.docx'), {}, noPdf));
    expect(document.text).toContain('Built a highimpact fraud scoring service');
  });

  it('reads a DOCX whatever its name says', async () => {
    const document = documentOf(await extractDocumentWith(await fixture('table-list.docx', 'resume.pdf'), {}, noPdf));
    expect(document.kind).toBe('docx');
  });
});

describe('extractDocumentWith: PDF dispatch', () => {
  it('hands PDF bytes to the PDF reader with the password and page cap, then cleans the text', async () => {
    const readPdf = vi.fn<PdfReader>(async () => ({ ok: true, text: 'Jane\u00A0Doe  \r\n\r\n\r\n\r\nEngineer', pageCount: 2 }));
    const file = fileOf(await readFixture('awesome-cv-resume.pdf'), 'cv.pdf');
    const outcome = await extractDocumentWith(file, { password: 'hunter2' }, readPdf);
    expect(documentOf(outcome)).toEqual({ kind: 'pdf', text: 'Jane Doe\n\nEngineer', pageCount: 2, truncated: false, notices: [] });
    const [bytes, options] = readPdf.mock.calls[0] ?? [];
    expect(bytes?.byteLength).toBe(file.size);
    expect(options).toEqual({ password: 'hunter2', maxPages: MAX_PDF_PAGES });
  });

  it('sends a PDF named .docx to the PDF reader', async () => {
    const readPdf = vi.fn<PdfReader>(async () => ({ ok: true, text: 'From the PDF', pageCount: 3 }));
    const file = fileOf(await readFixture('awesome-cv-resume.pdf'), 'resume.docx');
    expect(documentOf(await extractDocumentWith(file, {}, readPdf)).kind).toBe('pdf');
    expect(readPdf).toHaveBeenCalledOnce();
  });

  it("words the PDF reader's problem, naming the file and the page count", async () => {
    const needsPassword: PdfReader = async () => ({ ok: false, code: 'needs-password' });
    const outcome = await extractDocumentWith(await fixture('job-description.pdf', 'jd.pdf'), {}, needsPassword);
    expect(outcome).toEqual({ ok: false, problem: { code: 'needs-password', message: problemMessage('needs-password', { fileName: 'jd.pdf' }) } });
    const tooLong: PdfReader = async () => ({ ok: false, code: 'too-many-pages', pageCount: 48 });
    const long = await extractDocumentWith(await fixture('job-description.pdf', 'jd.pdf'), {}, tooLong);
    expect(long.ok || long.problem.message).toMatch(/^“jd\.pdf” has 48 pages/);
    const endless: PdfReader = async () => ({ ok: false, code: 'too-slow' });
    const slow = await extractDocumentWith(await fixture('job-description.pdf', 'jd.pdf'), {}, endless);
    expect(slow.ok || slow.problem.message).toMatch(/^“jd\.pdf” kept the PDF reader busy for more than 30 seconds, so it was stopped/);
  });

  it('turns a PDF reader that throws into reader-failed', async () => {
    const readPdf: PdfReader = async () => {
      throw new Error('worker crashed');
    };
    const outcome = await extractDocumentWith(await fixture('job-description.pdf', 'jd.pdf'), {}, readPdf);
    expect(outcome.ok || outcome.problem.code).toBe('reader-failed');
  });

  it('calls a PDF with no text after cleanup no-text', async () => {
    const readPdf: PdfReader = async () => ({ ok: true, text: ' \u00A0\n\u200B\n', pageCount: 1 });
    const outcome = await extractDocumentWith(await fixture('job-description.pdf', 'jd.pdf'), {}, readPdf);
    expect(outcome.ok || outcome.problem.code).toBe('no-text');
  });
});

describe('extractDocumentWith: files it refuses', () => {
  const encryptedOffice = new Uint8Array([
    0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0),
    ...Array.from('EncryptedPackage').flatMap((char) => [char.charCodeAt(0), 0]),
  ]);

  it.each([
    ['empty.pdf', 'empty.pdf', 'empty-file', {}],
    ['truncated.docx', 'resume.docx', 'corrupt', { format: 'docx' }],
    ['table-list.doc', 'resume.doc', 'legacy-format', { format: 'doc' }],
    ['table-list.rtf', 'resume.rtf', 'legacy-format', { format: 'rtf' }],
    ['table-list.odt', 'resume.odt', 'legacy-format', { format: 'odt' }],
    ['resume.pages', 'resume.pages', 'legacy-format', { format: 'pages' }],
    ['png-as-docx.docx', 'resume.docx', 'image', { format: 'png' }],
    ['not-a-pdf.pdf', 'resume.pdf', 'image', { format: 'png' }],
  ] as const)('%s as %s → %s', async (name, as, code, context) => {
    const outcome = await extractDocumentWith(await fixture(name, as), {}, noPdf);
    expect(outcome).toEqual({ ok: false, problem: { code, message: problemMessage(code, { fileName: as, ...context }) } });
  });

  it('refuses a DOCX with no text', async () => {
    const file = fileOf(await readFixture('mammoth-empty.docx'), 'blank.docx');
    expect(await extractDocumentWith(file, {}, noPdf)).toEqual({
      ok: false,
      problem: { code: 'no-text', message: problemMessage('no-text', { fileName: 'blank.docx' }) },
    });
  });

  it('refuses a text file of only spaces', async () => {
    const outcome = await extractDocumentWith(new File([' \n\t\r\n\u00A0'], 'blank.txt'), {}, noPdf);
    expect(outcome.ok || outcome.problem.code).toBe('no-text');
  });

  it('explains a password-protected Word file', async () => {
    const outcome = await extractDocumentWith(fileOf(encryptedOffice, 'cv.docx'), {}, noPdf);
    expect(outcome).toEqual({
      ok: false,
      problem: { code: 'unsupported', message: problemMessage('unsupported', { fileName: 'cv.docx', format: 'encrypted-office' }) },
    });
  });

  it('refuses unknown binary', async () => {
    const outcome = await extractDocumentWith(fileOf(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'a.out'), {}, noPdf);
    expect(outcome.ok || outcome.problem.code).toBe('unsupported');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new File([new Uint8Array(MAX_FILE_BYTES + 1)], 'huge.pdf');
    const readPdf = vi.fn<PdfReader>();
    const outcome = await extractDocumentWith(big, {}, readPdf);
    expect(outcome).toEqual({
      ok: false,
      problem: { code: 'too-large', message: problemMessage('too-large', { fileName: 'huge.pdf', sizeBytes: MAX_FILE_BYTES + 1 }) },
    });
    expect(readPdf).not.toHaveBeenCalled();
  });

  it('says "this file" for a Blob without a name', async () => {
    const outcome = await extractDocumentWith(new Blob([]), {}, noPdf);
    expect(outcome).toEqual({ ok: false, problem: { code: 'empty-file', message: problemMessage('empty-file') } });
  });

  it('turns a file that cannot be read into reader-failed', async () => {
    class VanishedFile extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        return Promise.reject(new DOMException('The file changed on disk.', 'NotReadableError'));
      }
    }
    const outcome = await extractDocumentWith(new VanishedFile(['text'], 'gone.txt'), {}, noPdf);
    expect(outcome).toEqual({
      ok: false,
      problem: { code: 'reader-failed', message: problemMessage('reader-failed', { fileName: 'gone.txt' }) },
    });
  });
});
