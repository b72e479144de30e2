// The whole reader in Node: pdf.js's legacy build over the fixture files, through to text or a problem.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBytes, TESTDATA } from './fixture-files.ts';
import { loadNodePdfjs, nodePdfAssets, type NodePdfJs } from './node-pdfjs.ts';
import { readPdf } from './read-pdf.ts';
import type { PdfReadOptions } from './types.ts';

let pdfjs: NodePdfJs;

beforeAll(async () => {
  pdfjs = await loadNodePdfjs();
});

const read = (name: string, options?: PdfReadOptions) => readPdf(pdfjs, readBytes(new URL(name, TESTDATA)), options);

describe('readPdf', () => {
  it('reads the Awesome-CV resume: three pages of text', async () => {
    const outcome = await readPdf(pdfjs, readBytes(new URL('awesome-cv-resume.pdf', TESTDATA)));
    expect(outcome).toMatchObject({ ok: true, pageCount: 3 });
    expect(outcome.ok && outcome.text).toMatch(/^Byungjin Park\n/);
  });

  it('reads the two-column fixture', async () => {
    const outcome = await read('two-column.pdf');
    expect(outcome).toMatchObject({ ok: true, pageCount: 2 });
    expect(outcome.ok && outcome.text).toContain('Cloud Migration');
  });

  it.each([
    ['protected.pdf', {}, 'needs-password'],
    ['protected.pdf', { password: 'not it' }, 'wrong-password'],
    ['truncated.pdf', {}, 'corrupt'],
    ['not-a-pdf.pdf', {}, 'corrupt'],
    ['image-only.pdf', {}, 'no-text-layer'],
    ['too-many-pages.pdf', {}, 'too-many-pages'],
    ['two-column.pdf', { maxPages: 1 }, 'too-many-pages'],
  ] as const)('%s with %j → %s', async (name, options, code) => {
    const outcome = await read(name, options);
    expect(outcome).toMatchObject({ ok: false, code });
  });

  it('opens a protected PDF with its user or owner password', async () => {
    for (const password of ['xquizit-user', 'xquizit-owner']) {
      const outcome = await read('protected.pdf', { password });
      expect(outcome).toMatchObject({ ok: true, pageCount: 1 });
      expect(outcome.ok && outcome.text).toMatch(/^Site Reliability Engineer\n/);
    }
  });

  it('reads Japanese set in a font that is not embedded once pdf.js has its CMaps, and standard fonts not embedded', async () => {
    const reference = readFileSync(new URL('cjk-standard-fonts.reference.txt', TESTDATA), 'utf8').trim().split('\n');
    const lines = (outcome: Awaited<ReturnType<typeof read>>) => (outcome.ok ? outcome.text.split(/\n+/) : outcome.code);
    expect(lines(await readPdf(pdfjs, readBytes(new URL('cjk-standard-fonts.pdf', TESTDATA)), {}, nodePdfAssets()))).toEqual(reference);
    // Without the CMaps pdf.js cannot map the Japanese codes and leaves that line out.
    const without = await read('cjk-standard-fonts.pdf');
    expect(without.ok && without.text).toContain('Resume of Taro Tanaka');
    expect(without.ok && without.text).not.toContain('職務経歴書');
  });

  it('says how many pages a too-long PDF has', async () => {
    expect(await read('too-many-pages.pdf')).toEqual({ ok: false, code: 'too-many-pages', pageCount: 31 });
  });

  it('reads all 31 pages when the cap allows them', async () => {
    const outcome = await read('too-many-pages.pdf', { maxPages: 31 });
    expect(outcome).toMatchObject({ ok: true, pageCount: 31 });
    expect(outcome.ok && outcome.text.match(/far too long/g)).toHaveLength(31);
  });
});
