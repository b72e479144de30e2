// Character clean-up of runs: ligatures, odd spaces, invisible marks; soft hyphens left for the layout.
import { describe, expect, it } from 'vitest';
import { normalizeGlyphs } from './normalize-glyphs.ts';

describe('normalizeGlyphs', () => {
  it.each([
    ['\uFB00ect', 'ffect'],
    ['\uFB01le \uFB02ow', 'file flow'],
    ['e\uFB03cient ba\uFB04e', 'efficient baffle'],
    ['\uFB05op \uFB06ep', 'stop step'],
    ['5\u00A0000', '5 000'],
    ['a\u2009b\u202Fc\u2002d\u3000e', 'a b c d e'],
    ['tab\there', 'tab here'],
    ['zero\u200Bwidth\u200C\u200D\u2060\uFEFFgone', 'zerowidthgone'],
    ['ctrl\u0001\u001F\u007Fchars', 'ctrlchars'],
    ['icon\uE001 text', 'icon text'],
    ['Con\u00AD', 'Con\u00AD'],
    ['plain ASCII - stays', 'plain ASCII - stays'],
  ])('%j → %j', (input, output) => {
    expect(normalizeGlyphs(input)).toBe(output);
  });
});
