// Tests for the wording of problems and notices: every code has a message that names the file and says what to do.
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_PDF_PAGES } from './limits.ts';
import { documentProblem, problemMessage, truncationNotice } from './messages.ts';
import type { DocumentProblemCode } from './types.ts';

const ALL_CODES = {
  'empty-file': true,
  'too-large': true,
  'too-many-pages': true,
  'legacy-format': true,
  image: true,
  unsupported: true,
  corrupt: true,
  'needs-password': true,
  'wrong-password': true,
  'no-text-layer': true,
  'no-text': true,
  'too-slow': true,
  'reader-failed': true,
} satisfies Record<DocumentProblemCode, true>;
const codes = Object.keys(ALL_CODES) as DocumentProblemCode[];

describe('problemMessage', () => {
  it.each(codes)('%s names the file when it has a name', (code) => {
    expect(problemMessage(code, { fileName: 'resume.pdf' })).toContain('“resume.pdf”');
  });

  it.each(codes)('%s says "this file" without a name', (code) => {
    expect(problemMessage(code)).toMatch(/this file/i);
  });

  it.each(codes)('%s is two plain sentences or more: what happened, what to do', (code) => {
    const message = problemMessage(code, { fileName: 'cv.docx' });
    expect(message.split(/(?<=[.!?])\s+/).length).toBeGreaterThanOrEqual(2);
    expect(message).not.toMatch(/undefined|NaN|\$\{/);
  });

  it.each([
    ['doc', 'older Word document (.doc)'],
    ['office97', 'older Microsoft Office file'],
    ['rtf', 'Rich Text (.rtf)'],
    ['odt', 'OpenDocument (.odt)'],
    ['pages', 'Apple Pages document'],
  ] as const)('legacy-format names %s and the way out', (format, words) => {
    const message = problemMessage('legacy-format', { fileName: 'resume.x', format });
    expect(message).toContain(words);
    expect(message).toMatch(/PDF/);
  });

  it('too-large gives the size and the limit', () => {
    const message = problemMessage('too-large', { fileName: 'scan.pdf', sizeBytes: 23.42 * 1024 * 1024 });
    expect(message).toContain('“scan.pdf” is 23.5 MB, more than the 10 MB xquizit reads.');
  });

  it('too-large never shows a size just over the limit as the limit', () => {
    expect(problemMessage('too-large', { sizeBytes: MAX_FILE_BYTES + 1 })).toContain('10.1 MB, more than the 10 MB');
  });

  it('too-many-pages gives the pages and the cap', () => {
    const message = problemMessage('too-many-pages', { fileName: 'thesis.pdf', pageCount: 1204 });
    expect(message).toContain(`“thesis.pdf” has 1,204 pages; xquizit reads documents of up to ${MAX_PDF_PAGES} pages.`);
  });

  it('a password-protected Word file is explained as such', () => {
    const message = problemMessage('unsupported', { fileName: 'cv.docx', format: 'encrypted-office' });
    expect(message).toContain('protected with a password');
    expect(message).toContain('remove the password');
  });

  it('a damaged DOCX points at Word', () => {
    expect(problemMessage('corrupt', { format: 'docx' })).toContain('Open it in Word');
  });

  it('an image says it is a picture', () => {
    expect(problemMessage('image', { fileName: 'resume.docx', format: 'png' })).toMatch(/^“resume\.docx” is a picture, not a document/);
  });
});

describe('documentProblem', () => {
  it('pairs the code with its message', () => {
    expect(documentProblem('no-text', { fileName: 'a.docx' })).toEqual({
      code: 'no-text',
      message: problemMessage('no-text', { fileName: 'a.docx' }),
    });
  });
});

describe('truncationNotice', () => {
  it('states the budget', () => {
    expect(truncationNotice()).toBe(
      'This document is long, so only its first 5,000 words are used. Edit the text to choose what matters.',
    );
  });
});
