// Which pdf.js failure maps to which problem.
import { describe, expect, it } from 'vitest';
import { classifyPdfError } from './classify-error.ts';

describe('classifyPdfError', () => {
  const named = (name: string, extra: object = {}) => Object.assign(new Error('x'), { name }, extra);

  it.each([
    [named('PasswordException', { code: 1 }), 'needs-password'],
    [named('PasswordException', { code: 2 }), 'wrong-password'],
    [named('PasswordException', { code: 3 }), 'corrupt'],
    [named('InvalidPDFException'), 'corrupt'],
    [named('UnknownErrorException'), 'corrupt'],
    [new TypeError('boom'), 'corrupt'],
    ['a string', 'corrupt'],
    [null, 'corrupt'],
  ])('%o → %s', (error, code) => {
    expect(classifyPdfError(error)).toBe(code);
  });
});
