// Table tests for type detection by bytes: every fixture, bad files, and hand-made signatures.
import { describe, expect, it } from 'vitest';
import { type Detection, detectDocument } from './detect.ts';
import { readFixture } from './testdata/fixtures.ts';
import { makeStoredZip } from './testdata/zip-writer.ts';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));
const utf16le = (text: string) => Array.from(text).flatMap((char) => [char.charCodeAt(0), 0]);
const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zeros = (count: number) => new Array<number>(count).fill(0);

describe('detectDocument on fixtures', () => {
  it.each<[string, Detection]>([
    ['textbox-notes.docx', { kind: 'docx' }],
    ['table-list.docx', { kind: 'docx' }],
    ['table-list.doc', { kind: 'legacy', format: 'doc' }],
    ['table-list.rtf', { kind: 'legacy', format: 'rtf' }],
    ['table-list.odt', { kind: 'legacy', format: 'odt' }],
    ['resume.pages', { kind: 'legacy', format: 'pages' }],
    ['truncated.docx', { kind: 'damaged', format: 'docx' }],
    ['empty.pdf', { kind: 'empty' }],
    ['png-as-docx.docx', { kind: 'image', format: 'png' }],
    ['plain-utf8.txt', { kind: 'text', encoding: 'utf-8' }],
    ['markdown-bom.md', { kind: 'text', encoding: 'utf-8' }],
    ['utf16le.txt', { kind: 'text', encoding: 'utf-16le' }],
    ['utf16be.txt', { kind: 'text', encoding: 'utf-16be' }],
    ['job-description.pdf', { kind: 'pdf' }],
    ['not-a-pdf.pdf', { kind: 'image', format: 'png' }],
    ['table-list.reference.txt', { kind: 'text', encoding: 'utf-8' }],
  ])('%s → %j', async (name, expected) => {
    expect(detectDocument(await readFixture(name))).toEqual(expected);
  });

  it.each<[string, Detection]>([
    ['mammoth-simple-list.docx', { kind: 'docx' }],
    ['mammoth-single-paragraph.docx', { kind: 'docx' }],
    ['mammoth-strict-format.docx', { kind: 'docx' }],
    ['mammoth-tables.docx', { kind: 'docx' }],
    ['mammoth-empty.docx', { kind: 'docx' }],
    ['awesome-cv-resume.pdf', { kind: 'pdf' }],
  ])('files made by other tools: %s → %j', async (name, expected) => {
    expect(detectDocument(await readFixture(name))).toEqual(expected);
  });
});

describe('detectDocument on hand-made bytes', () => {
  it.each<[string, Uint8Array, Detection]>([
    ['zero bytes', new Uint8Array(), { kind: 'empty' }],
    ['PDF at offset 0', bytes('%PDF-1.7\n'), { kind: 'pdf' }],
    ['PDF after junk within 1024 bytes', bytes('x'.repeat(1000), '%PDF-1.4'), { kind: 'pdf' }],
    ['"%PDF-" past 1024 bytes is just text', bytes('x'.repeat(1100), '%PDF-1.4'), { kind: 'text', encoding: 'utf-8' }],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], zeros(8)), { kind: 'image', format: 'png' }],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], zeros(8)), { kind: 'image', format: 'jpeg' }],
    ['GIF89a', bytes('GIF89a', zeros(8)), { kind: 'image', format: 'gif' }],
    ['GIF87a', bytes('GIF87a', zeros(8)), { kind: 'image', format: 'gif' }],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), { kind: 'image', format: 'webp' }],
    ['HEIC from a phone', bytes([0, 0, 0, 24], 'ftypheic', zeros(4)), { kind: 'image', format: 'heic' }],
    ['HEIF mif1', bytes([0, 0, 0, 24], 'ftypmif1', zeros(4)), { kind: 'image', format: 'heic' }],
    ['AVIF', bytes([0, 0, 0, 24], 'ftypavif', zeros(4)), { kind: 'image', format: 'avif' }],
    ['MP4 video is not a picture', bytes([0, 0, 0, 24], 'ftypisom', zeros(4)), { kind: 'unknown' }],
    ['TIFF little-endian', bytes([0x49, 0x49, 0x2a, 0x00], zeros(8)), { kind: 'image', format: 'tiff' }],
    ['TIFF big-endian', bytes([0x4d, 0x4d, 0x00, 0x2a], zeros(8)), { kind: 'image', format: 'tiff' }],
    ['BMP', bytes('BM', [70, 0, 0, 0], zeros(4), [54, 0, 0, 0], [40, 0, 0, 0], zeros(8)), { kind: 'image', format: 'bmp' }],
    ['text starting with "BM" is text', bytes('BMW group, software engineer since 2019.'), { kind: 'text', encoding: 'utf-8' }],
    ['RTF', bytes('{\\rtf1\\ansi hello}'), { kind: 'legacy', format: 'rtf' }],
    ['RTF after a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '{\\rtf1 hello}'), { kind: 'legacy', format: 'rtf' }],
    ['OLE2 Word 97', bytes(ole2, zeros(504), utf16le('WordDocument'), zeros(8)), { kind: 'legacy', format: 'doc' }],
    ['OLE2 other Office', bytes(ole2, zeros(504), utf16le('Workbook'), zeros(8)), { kind: 'legacy', format: 'office97' }],
    [
      'OLE2 holding an encrypted package (a protected .docx)',
      bytes(ole2, zeros(504), utf16le('EncryptionInfo'), zeros(8), utf16le('EncryptedPackage'), zeros(8)),
      { kind: 'encrypted-office' },
    ],
    ['UTF-8 without BOM', bytes('Résumé — 김민준\n'), { kind: 'text', encoding: 'utf-8' }],
    ['UTF-8 with BOM', bytes([0xef, 0xbb, 0xbf], 'hello'), { kind: 'text', encoding: 'utf-8' }],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], utf16le('hello')), { kind: 'text', encoding: 'utf-16le' }],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff, 0, 0x68, 0, 0x69]), { kind: 'text', encoding: 'utf-16be' }],
    ['UTF-16 without BOM has NULs: not text', bytes(utf16le('hello')), { kind: 'unknown' }],
    ['invalid UTF-8', bytes('caf', [0xe9], ' au lait'), { kind: 'unknown' }],
    ['NUL bytes', bytes('abc', [0], 'def'), { kind: 'unknown' }],
    ['mostly control characters', bytes('ab', [1, 2, 3, 4, 5, 6], 'cd'), { kind: 'unknown' }],
    ['a few form feeds and tabs are fine', bytes('page one\fpage two\tcolumn\r\n'), { kind: 'text', encoding: 'utf-8' }],
    ['random binary', bytes([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), { kind: 'unknown' }],
  ])('%s', (_name, input, expected) => {
    expect(detectDocument(input)).toEqual(expected);
  });

  it('reads a multi-byte character cut by the sample edge as text', () => {
    const text = 'a'.repeat(64 * 1024 - 1) + 'é and more';
    expect(detectDocument(new TextEncoder().encode(text))).toEqual({ kind: 'text', encoding: 'utf-8' });
  });
});

describe('detectDocument on ZIP archives', () => {
  it.each<[string, Uint8Array, Detection]>([
    ['DOCX parts', makeStoredZip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document/>']]), { kind: 'docx' }],
    ['DOCX with a numbered main part', makeStoredZip([['word/document2.xml', '<w:document/>']]), { kind: 'docx' }],
    [
      'OpenDocument text',
      makeStoredZip([['mimetype', 'application/vnd.oasis.opendocument.text'], ['content.xml', '<x/>']]),
      { kind: 'legacy', format: 'odt' },
    ],
    [
      'OpenDocument spreadsheet',
      makeStoredZip([['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'], ['content.xml', '<x/>']]),
      { kind: 'unknown' },
    ],
    ['EPUB', makeStoredZip([['mimetype', 'application/epub+zip']]), { kind: 'unknown' }],
    ['Pages 5+', makeStoredZip([['Index/Document.iwa', 'x'], ['Index/Metadata.iwa', 'x']]), { kind: 'legacy', format: 'pages' }],
    ["Pages '09", makeStoredZip([['index.xml', '<sl:document/>']]), { kind: 'legacy', format: 'pages' }],
    ['Excel workbook', makeStoredZip([['[Content_Types].xml', '<Types/>'], ['xl/workbook.xml', '<w/>']]), { kind: 'unknown' }],
    ['empty archive', makeStoredZip([]), { kind: 'unknown' }],
    [
      'a ZIP behind other bytes (a self-extractor) is not looked into',
      makeStoredZip([['word/document.xml', '<w:document/>']], { prefix: new TextEncoder().encode('MZ stub '.repeat(10)) }),
      { kind: 'unknown' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(detectDocument(input)).toEqual(expected);
  });

  it('finds the directory of a ZIP with bytes before it', () => {
    const zip = makeStoredZip([['word/document.xml', '<w:document/>']]);
    const withPrefix = new Uint8Array([...new TextEncoder().encode('PK\u0003\u0004 stub'), ...zip]);
    expect(detectDocument(withPrefix)).toEqual({ kind: 'docx' });
  });

  it('calls a cut-short DOCX damaged, from its local headers', () => {
    const zip = makeStoredZip([['[Content_Types].xml', '<Types/>'], ['word/document.xml', '<w:document>long</w:document>']]);
    expect(detectDocument(zip.subarray(0, zip.length - 40))).toEqual({ kind: 'damaged', format: 'docx' });
  });

  it('calls any other cut-short ZIP damaged', () => {
    const zip = makeStoredZip([['xl/workbook.xml', '<w/>']]);
    expect(detectDocument(zip.subarray(0, 20))).toEqual({ kind: 'damaged', format: 'zip' });
  });
});
