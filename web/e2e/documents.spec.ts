// Every fixture and bad file through the real setup screen: the preview shows the right text, or a specific message.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { wordRecallInOrder } from '../src/lib/documents/testdata/word-recall.ts';
import { expect, test } from './harness/index.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TESTDATA = path.resolve(HERE, '../src/lib/documents/testdata');
const own = (name: string) => path.join(TESTDATA, name);
const reference = (name: string) => readFileSync(own(name), 'utf8');

async function recallOf(page: Page, testId: string, referenceText: string): Promise<number> {
  return wordRecallInOrder(referenceText, await page.getByTestId(testId).inputValue());
}

test.describe('documents that read', () => {
  test('the Awesome-CV resume PDF, in reading order, hyphenation joined', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('resume-input').setInputFiles(own('awesome-cv-resume.pdf'));
    await expect(page.getByTestId('resume-text')).toHaveValue(/Byungjin Park/, { timeout: 30_000 });
    expect(await recallOf(page, 'resume-text', reference('awesome-cv-resume.reference.txt'))).toBeGreaterThanOrEqual(0.98);
    const text = await page.getByTestId('resume-text').inputValue();
    expect(text).toContain('Consul');
    expect(text).not.toMatch(/[\uFB00-\uFB06\u00AD]/);
    // The contact line's icons are pictures; their names are not text.
    expect(text).not.toMatch(/HOUSE-CHIMNEY|GITHUB-SQUARE|LINKEDIN/);
    await expect(page.locator('[data-slot=resume]')).toContainText('From awesome-cv-resume.pdf · 3 pages');
    await expect(page.getByTestId('resume-words')).toHaveText(/^\d{3,} words$/);
  });

  test('Japanese in a font that is not embedded reads, with CMaps and standard fonts from our own origin', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto('/');
    await page.getByTestId('jd-input').setInputFiles(own('cjk-standard-fonts.pdf'));
    await expect(page.getByTestId('jd-text')).toHaveValue(/職務経歴書 田中太郎 ソフトウェアエンジニア/, { timeout: 30_000 });
    expect(await recallOf(page, 'jd-text', reference('cjk-standard-fonts.reference.txt'))).toBe(1);
    const origin = new URL(page.url()).origin;
    const pdfData = fetched.filter((url) => /\.bcmap$|standard_fonts/.test(url));
    expect(pdfData.some((url) => url.endsWith('/pdfjs/cmaps/UniJIS-UCS2-H.bcmap'))).toBe(true);
    expect(pdfData.every((url) => url.startsWith(`${origin}/pdfjs/`))).toBe(true);
  });

  test('a two-column PDF reads the left column before the right', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('jd-input').setInputFiles(own('two-column.pdf'));
    await expect(page.getByTestId('jd-text')).not.toHaveValue('', { timeout: 30_000 });
    expect(await recallOf(page, 'jd-text', reference('two-column.reference.txt'))).toBeGreaterThanOrEqual(0.98);
  });

  for (const [file, ref] of [
    [own('mammoth-simple-list.docx'), 'mammoth-simple-list.reference.txt'],
    [own('mammoth-single-paragraph.docx'), 'mammoth-single-paragraph.reference.txt'],
    [own('mammoth-strict-format.docx'), 'mammoth-strict-format.reference.txt'],
    [own('mammoth-tables.docx'), 'mammoth-tables.reference.txt'],
    [own('table-list.docx'), 'table-list.reference.txt'],
    [own('textbox-notes.docx'), 'textbox-notes.reference.txt'],
    [own('job-description.pdf'), 'job-description.reference.txt'],
  ] as const) {
    test(`${path.basename(file)} matches its reference text`, async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('jd-input').setInputFiles(file);
      await expect(page.getByTestId('jd-text')).not.toHaveValue('', { timeout: 30_000 });
      expect(await recallOf(page, 'jd-text', reference(ref))).toBeGreaterThanOrEqual(0.98);
      await expect(page.getByTestId('document-error')).toHaveCount(0);
    });
  }

  for (const file of ['plain-utf8.txt', 'markdown-bom.md', 'utf16le.txt', 'utf16be.txt']) {
    test(`${file} is shown as written`, async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('resume-input').setInputFiles(own(file));
      await expect(page.getByTestId('resume-text')).not.toHaveValue('', { timeout: 10_000 });
      const shown = await page.getByTestId('resume-text').inputValue();
      expect(shown.includes('\uFEFF') || shown.includes('\u0000')).toBe(false);
      expect(shown.split(/\s+/).length).toBeGreaterThan(3);
    });
  }

  test('a protected PDF asks for its password, refuses a wrong one, opens with the right one', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('resume-input').setInputFiles(own('protected.pdf'));
    await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'needs-password', { timeout: 30_000 });
    await page.getByTestId('resume-password').fill('not-it');
    await page.getByTestId('resume-password').press('Enter');
    await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'wrong-password');
    await page.reload();
    await expect(page.getByTestId('resume-password')).toBeVisible({ timeout: 10_000 });
    await page.getByTestId('resume-password').fill('xquizit-user');
    await page.getByTestId('resume-password').press('Enter');
    await expect(page.getByTestId('resume-text')).not.toHaveValue('', { timeout: 30_000 });
    expect(await recallOf(page, 'resume-text', reference('protected.reference.txt'))).toBeGreaterThanOrEqual(0.98);
    await expect(page.getByTestId('document-error')).toHaveCount(0);
  });

  test('a very long document is cut to the word budget, with a notice', async ({ page }) => {
    await page.goto('/');
    const words = Array.from({ length: 6200 }, (_, i) => `word${i}${i % 12 === 11 ? '.' : ''}`).join(' ');
    await page.getByTestId('jd-input').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(words) });
    await expect(page.locator('[data-slot=jd]').getByTestId('document-notice')).toContainText('5,000 words');
    const count = Number((await page.getByTestId('jd-words').textContent())?.split(' ')[0]);
    expect(count).toBeGreaterThan(4800);
    expect(count).toBeLessThanOrEqual(5000);
  });

  test('a read file, its name and later edits survive a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('resume-input').setInputFiles(own('job-description.pdf'));
    await expect(page.getByTestId('resume-text')).not.toHaveValue('', { timeout: 30_000 });
    await page.getByTestId('resume-text').press('Control+End');
    await page.getByTestId('resume-text').pressSequentially(' Edited after reading.');
    await page.reload();
    await expect(page.getByTestId('resume-text')).toHaveValue(/Edited after reading\.$/);
    await expect(page.locator('[data-slot=resume]')).toContainText('From job-description.pdf · 1 page');
  });

  test('a dropped file is read like a chosen one', async ({ page }) => {
    await page.goto('/');
    const bytes = [...readFileSync(own('plain-utf8.txt'))];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'dropped.txt', { type: 'text/plain' }));
      return dt;
    }, bytes);
    await page.locator('[data-slot=jd] .drop').dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('jd-text')).not.toHaveValue('', { timeout: 10_000 });
    await expect(page.locator('[data-slot=jd]')).toContainText('From dropped.txt');
  });
});

test('a PDF that keeps the reader busy is stopped with a clear message; the other document stays; the next one reads', async ({ page }) => {
  // Playwright's clock runs the page's time: the reader's time limit passes without waiting for it.
  await page.clock.install();
  await page.goto('/');
  // The resume is read first, so pdf.js is loaded (its loading is not timed) when the endless one comes.
  await page.getByTestId('resume-input').setInputFiles(own('job-description.pdf'));
  await expect(page.getByTestId('resume-text')).toHaveValue(/^Site Reliability Engineer/, { timeout: 30_000 });
  const resume = await page.getByTestId('resume-text').inputValue();
  await page.getByTestId('jd-input').setInputFiles(own('endless-content.pdf'));
  await expect(page.locator('[data-slot=jd]')).toContainText('Reading endless-content.pdf', { timeout: 30_000 });
  const error = page.locator('[data-slot=jd]').getByTestId('document-error');
  // The read is timed from when it reaches the worker: move the clock on until the limit has passed for it.
  await expect(async () => {
    await page.clock.fastForward('00:31');
    await expect(error).toHaveAttribute('data-code', 'too-slow', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(error).toContainText('“endless-content.pdf” kept the PDF reader busy for more than 30 seconds');
  await expect(page.getByTestId('resume-text')).toHaveValue(resume);
  await page.getByTestId('jd-input').setInputFiles(own('job-description.pdf'));
  await expect(page.getByTestId('jd-text')).toHaveValue(/^Site Reliability Engineer/, { timeout: 30_000 });
  await expect(page.locator('[data-slot=jd]').getByTestId('document-error')).toHaveCount(0);
});

test.describe('files that do not read', () => {
  const cases: [string, string, string][] = [
    ['a scan with no text layer', own('image-only.pdf'), 'no-text-layer'],
    ['a picture renamed .pdf', own('not-a-pdf.pdf'), 'image'],
    ['a picture renamed .docx', own('png-as-docx.docx'), 'image'],
    ['a truncated PDF', own('truncated.pdf'), 'corrupt'],
    ['a truncated DOCX', own('truncated.docx'), 'corrupt'],
    ['a PDF over the page cap', own('too-many-pages.pdf'), 'too-many-pages'],
    ['a legacy .doc', own('table-list.doc'), 'legacy-format'],
    ['an RTF file', own('table-list.rtf'), 'legacy-format'],
    ['an ODT file', own('table-list.odt'), 'legacy-format'],
    ['a Pages file', own('resume.pages'), 'legacy-format'],
    ['an empty Word document', own('mammoth-empty.docx'), 'no-text'],
  ];
  for (const [what, file, code] of cases) {
    test(`${what} gets a clear message and the other document stays`, async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('jd-text').fill('The job description stays as it was.');
      await page.getByTestId('resume-text').fill('Typed resume text stays too.');
      await page.getByTestId('resume-input').setInputFiles(file);
      const error = page.locator('[data-slot=resume]').getByTestId('document-error');
      await expect(error).toHaveAttribute('data-code', code, { timeout: 30_000 });
      await expect(error).toContainText(path.basename(file));
      await expect(page.getByTestId('jd-text')).toHaveValue('The job description stays as it was.');
      await expect(page.getByTestId('resume-text')).toHaveValue('Typed resume text stays too.');
    });
  }

  test('a zero-byte file is named empty', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('resume-input').setInputFiles({ name: 'resume.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) });
    await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'empty-file');
  });

  test('a file over 10 MB is refused with the limit', async ({ page }) => {
    await page.goto('/');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    await page.getByTestId('resume-input').setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: big });
    await expect(page.getByTestId('document-error')).toHaveAttribute('data-code', 'too-large');
    await expect(page.getByTestId('document-error')).toContainText('10 MB');
  });
});
