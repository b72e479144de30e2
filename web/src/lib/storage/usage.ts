// How much space the app uses on this device, and freeing the cached downloads (models, voices) in Cache Storage.
// The service worker's app shell cache is never touched: deleting it would break starting offline.

/** Bytes used and available to this origin, as the browser estimates them. */
export interface StorageEstimate {
  usage: number;
  quota: number;
}

// Warning: keep in step with the service worker's caches (vite.config.ts, Workbox generateSW: 'workbox-precache-v2-…').
const APP_SHELL_CACHE = /^(workbox-precache|xquizit-shell|xquizit-app-shell)/;

/** Whether a Cache Storage cache holds the app shell (kept) rather than a download that can be fetched again. */
export function isAppShellCache(name: string): boolean {
  return APP_SHELL_CACHE.test(name);
}

/** The browser's estimate of this origin's storage, or null where it gives none. */
export async function storageEstimate(): Promise<StorageEstimate | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.estimate) return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
}

/** Deletes every Cache Storage cache but the app shell's; answers the names deleted (empty: nothing to free). */
export async function freeCachedDownloads(): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const names = (await caches.keys()).filter((name) => !isAppShellCache(name));
  await Promise.all(names.map((name) => caches.delete(name)));
  return names;
}
