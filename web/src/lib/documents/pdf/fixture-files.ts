// Test and script helper: where the PDF fixtures live and how to read them and their captured items.

import { readFileSync } from 'node:fs';
import { OWN as TESTDATA } from '../testdata/fixtures.ts';
import type { PdfPageText } from './types.ts';

export { TESTDATA };

/** A fixture PDF whose text is captured for layout tests. */
export interface TextFixture {
  name: string;
  pdf: URL;
  password?: string;
}

/** The text-bearing PDFs, each captured to `<name>.items.json` with a `<name>.reference.txt` beside it. */
export const TEXT_FIXTURES: readonly TextFixture[] = [
  { name: 'awesome-cv-resume', pdf: new URL('awesome-cv-resume.pdf', TESTDATA) },
  { name: 'two-column', pdf: new URL('two-column.pdf', TESTDATA) },
  { name: 'job-description', pdf: new URL('job-description.pdf', TESTDATA) },
  { name: 'protected', pdf: new URL('protected.pdf', TESTDATA), password: 'xquizit-user' },
];

/** Pdf.js's text items of a fixture, as the capture script wrote them. */
export interface CapturedItems {
  source: string;
  pdfjs: string;
  pages: PdfPageText[];
}

/** The bytes of a file, in a fresh buffer pdf.js may take. */
export function readBytes(url: URL): Uint8Array {
  return new Uint8Array(readFileSync(url));
}

/** The captured items of a text fixture. */
export function readCapturedItems(name: string): CapturedItems {
  return JSON.parse(readFileSync(new URL(`${name}.items.json`, TESTDATA), 'utf8')) as CapturedItems;
}

/** The pdftotext reference text of a text fixture. */
export function readReference(name: string): string {
  return readFileSync(new URL(`${name}.reference.txt`, TESTDATA), 'utf8');
}
