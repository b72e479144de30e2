// Which Cache Storage caches "Free space" keeps: the service worker's app shell, never the downloads.
import { expect, it } from 'vitest';
import { isAppShellCache } from './usage.ts';

it.each([
  ['workbox-precache-v2-http://127.0.0.1:8787/', true],
  ['xquizit-shell', true],
  ['kokoro-voices', false],
  ['transformers-cache', false],
  ['workbox-runtime', false],
])('isAppShellCache(%j) = %s', (name, kept) => expect(isAppShellCache(name)).toBe(kept));
