// Table tests for the cleanup every document's text goes through.
import { describe, expect, it } from 'vitest';
import { hasText, normalizeText } from './normalize.ts';

describe('normalizeText', () => {
  it.each([
    ['CRLF and lone CR become LF', 'one\r\ntwo\rthree', 'one\ntwo\nthree'],
    ['line and paragraph separators', 'one\u2028two\u2029three', 'one\ntwo\n\nthree'],
    ['form feed is a paragraph break, vertical tab a line break', 'page one\fpage two\vline', 'page one\n\npage two\nline'],
    ['ligatures become letters', '\uFB00 \uFB01 \uFB02 \uFB03 \uFB04 \uFB05 \uFB06', 'ff fi fl ffi ffl st st'],
    ['ligatures inside words', 'eﬃcient ﬁnance oﬄine', 'efficient finance offline'],
    ['NBSP, thin, narrow and ideographic spaces', 'a\u00A0b\u2009c\u202Fd\u3000e\u2003f', 'a b c d e f'],
    ['zero-width space, word joiner and BOM go', 'Py\u200Bthon\u2060 \uFEFFcode', 'Python code'],
    ['ZWJ and ZWNJ stay (emoji, Persian)', 'a\u200Db\u200Cc', 'a\u200Db\u200Cc'],
    ['soft hyphen inside a word vanishes', 'high\u00ADimpact', 'highimpact'],
    ['soft hyphen ending a line joins the word', 'Con\u00AD\nsul and more', 'Consul and more'],
    ['non-breaking hyphen becomes a hyphen', 'e\u2011mail', 'e-mail'],
    ['stray controls go, tabs stay', 'a\u0007b\u0000c\td', 'abc\td'],
    ['C1 controls go', 'a\u0090b\u009Fc', 'abc'],
    ['runs of tabs shrink to one', 'Engineer\t\t\t2019', 'Engineer\t2019'],
    ['trailing spaces and tabs trimmed', 'one  \ntwo\t\nthree ', 'one\ntwo\nthree'],
    ['two or more blank lines become one', 'one\n\n\n\ntwo\n\n\nthree\n\nfour', 'one\n\ntwo\n\nthree\n\nfour'],
    ['blank lines with spaces count as blank', 'one\n  \n \t \n\ntwo', 'one\n\ntwo'],
    ['leading blank lines and trailing space go', '\n\n  Title\n\n', '  Title'],
    ['Markdown survives', '# Title\n\n- item\n  - nested\n\n| a | b |', '# Title\n\n- item\n  - nested\n\n| a | b |'],
    ['empty stays empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    const messy = 'Eﬃcient\u00A0team\r\n\r\n\r\n\r\nhigh\u00ADimpact  \n\u200B';
    expect(normalizeText(normalizeText(messy))).toBe(normalizeText(messy));
  });
});

describe('hasText', () => {
  it.each([
    ['', false],
    [' \n\t', false],
    ['• — | ...', false],
    ['x', true],
    ['2024', true],
    ['데이터', true],
  ])('%j → %s', (text, expected) => {
    expect(hasText(text)).toBe(expected);
  });
});
