// Choosing a precompressed copy from Accept-Encoding.
import { describe, expect, it } from 'vitest';
import { chooseEncoding } from './content-encoding.ts';

const both = { br: true, gzip: true };

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', both, 'br'],
    ['gzip, deflate', both, 'gzip'],
    ['br', { br: false, gzip: true }, null],
    ['gzip, br', { br: false, gzip: true }, 'gzip'],
    ['br;q=0.5, gzip;q=0.8', both, 'gzip'],
    ['br;q=0, gzip', both, 'gzip'],
    ['BR, GZIP', both, 'br'],
    ['x-gzip', both, 'gzip'],
    ['*', both, 'br'],
    ['*;q=0', both, null],
    ['gzip;q=0, *', both, 'br'],
    ['identity', both, null],
    ['', both, null],
    [null, both, null],
    ['gzip, br', { br: false, gzip: false }, null],
    ['br;q=1.0, gzip;q=1', both, 'br'],
  ] as const)('%j with %j → %s', (header, copies, expected) => {
    expect(chooseEncoding(header, copies)).toBe(expected);
  });
});
