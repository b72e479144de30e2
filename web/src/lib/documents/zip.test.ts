// Tests for the detection-only ZIP directory reader.
import { describe, expect, it } from 'vitest';
import { readFixture } from './testdata/fixtures.ts';
import { makeStoredZip } from './testdata/zip-writer.ts';
import { zipEntryNames, zipStoredEntryText } from './zip.ts';

describe('zipEntryNames', () => {
  it('lists names from the central directory', () => {
    const zip = makeStoredZip([['a.txt', 'A'], ['dir/b.xml', '<b/>']]);
    expect(zipEntryNames(zip)).toEqual({ names: ['a.txt', 'dir/b.xml'], complete: true });
  });

  it('lists a real DOCX', async () => {
    const directory = zipEntryNames(await readFixture('table-list.docx'));
    expect(directory.complete).toBe(true);
    expect(directory.names).toContain('word/document.xml');
  });

  it('falls back to local headers, streamed entries included, when the directory is cut off', async () => {
    const directory = zipEntryNames(await readFixture('truncated.docx'));
    expect(directory.complete).toBe(false);
    expect(directory.names).toContain('word/document.xml');
  });

  it('finds nothing in bytes that are not a ZIP', () => {
    expect(zipEntryNames(new TextEncoder().encode('just text'))).toEqual({ names: [], complete: false });
  });
});

describe('zipStoredEntryText', () => {
  it('reads a stored entry', () => {
    const zip = makeStoredZip([['mimetype', 'application/vnd.oasis.opendocument.text']]);
    expect(zipStoredEntryText(zip, 'mimetype', 128)).toBe('application/vnd.oasis.opendocument.text');
  });

  it('stops at maxLength', () => {
    expect(zipStoredEntryText(makeStoredZip([['mimetype', 'abcdef']]), 'mimetype', 3)).toBe('abc');
  });

  it('is undefined for a missing entry', () => {
    expect(zipStoredEntryText(makeStoredZip([['other', 'x']]), 'mimetype', 128)).toBeUndefined();
  });

  it('reads the mimetype of a real ODT', async () => {
    expect(zipStoredEntryText(await readFixture('table-list.odt'), 'mimetype', 128)).toBe('application/vnd.oasis.opendocument.text');
  });
});
