// Which problem a pdf.js failure means. pdf.js rebuilds its exceptions on our side of its worker,
// so they are told apart by name and code, not by class identity.

import type { PdfProblemCode } from './types.ts';

/** pdf.js's PasswordResponses: no password was given, or the one given is wrong. */
const NEED_PASSWORD = 1;
const INCORRECT_PASSWORD = 2;

/** Maps an error thrown while pdf.js opened or read a file to the problem to report. */
export function classifyPdfError(error: unknown): Extract<PdfProblemCode, 'needs-password' | 'wrong-password' | 'corrupt'> {
  if (typeof error === 'object' && error !== null && 'name' in error && error.name === 'PasswordException') {
    const code = 'code' in error ? error.code : undefined;
    if (code === INCORRECT_PASSWORD) return 'wrong-password';
    if (code === NEED_PASSWORD) return 'needs-password';
  }
  return 'corrupt';
}
