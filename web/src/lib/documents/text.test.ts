// Tests for decoding text files: UTF-8 with and without BOM, UTF-16 LE/BE with BOM.
import { describe, expect, it } from 'vitest';
import { decodeText } from './text.ts';
import { readFixture } from './testdata/fixtures.ts';

describe('decodeText', () => {
  it.each([
    ['plain-utf8.txt', 'utf-8', 'Data Analyst — Remote\r\n'],
    ['markdown-bom.md', 'utf-8', '# Alex Kim\n'],
    ['utf16le.txt', 'utf-16le', 'Résumé — Élodie Martin\r\n'],
    ['utf16be.txt', 'utf-16be', '데이터 엔지니어 김민준\n'],
  ] as const)('%s (%s) decodes without its byte-order mark', async (name, encoding, start) => {
    const text = decodeText(await readFixture(name), encoding);
    expect(text.startsWith(start)).toBe(true);
  });

  it('replaces bytes that do not decode instead of failing', () => {
    expect(decodeText(new Uint8Array([0x61, 0xff, 0x62]), 'utf-8')).toBe('a\uFFFDb');
  });
});
