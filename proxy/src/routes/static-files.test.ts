// Path safety and cache rules for static serving.
import { describe, expect, it } from 'vitest';
import { cacheControlFor, resolveInside } from './static-files.ts';

describe('resolveInside', () => {
  it.each([
    ['/index.html', '/srv/dist/index.html'],
    ['/assets/a%20b.js', '/srv/dist/assets/a b.js'],
    ['/../etc/passwd', undefined],
    ['/%2e%2e/etc/passwd', undefined],
    ['/assets/..%2f..%2fsecret', undefined],
    ['/a%00.js', undefined],
    ['/a%5c..%5csecret', undefined],
    ['/%E0%A4%A', undefined],
  ])('%s → %s', (path, expected) => {
    expect(resolveInside('/srv/dist', path)).toBe(expected);
  });
});

describe('cacheControlFor', () => {
  it.each([
    ['/assets/index-abc123.js', 'public, max-age=31536000, immutable'],
    ['/index.html', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/manifest.webmanifest', 'no-cache'],
    // Workbox's runtime, imported by sw.js: its name carries a content hash, so an hour is safe.
    ['/workbox-2fbc6a65.js', 'public, max-age=3600'],
    ['/icons/icon-192.png', 'public, max-age=3600'],
    ['/favicon.svg', 'public, max-age=3600'],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});
