// Bearer parsing and token matching.
import { describe, expect, it } from 'vitest';
import { bearerToken, TokenCheck } from './auth.ts';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer', undefined],
    [null, undefined],
  ])('%s → %s', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('TokenCheck', () => {
  it('accepts anything when no tokens are configured', () => {
    const check = new TokenCheck([]);
    expect(check.required).toBe(false);
    expect(check.accepts(undefined)).toBe(true);
  });

  it('accepts only configured tokens when some are', () => {
    const check = new TokenCheck(['one', 'two']);
    expect(check.required).toBe(true);
    expect([check.accepts('two'), check.accepts('three'), check.accepts(undefined), check.accepts('')]).toEqual([true, false, false, false]);
  });
});
