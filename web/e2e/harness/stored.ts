// Reads what the app stored in the page's real IndexedDB, with the raw API (no app code involved).
import type { Page } from '@playwright/test';

/** The stored interview records. */
export function storedInterviews(page: Page): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('xquizit');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('interviews').objectStore('interviews').getAll();
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            db.close();
            resolve(request.result as Array<Record<string, unknown>>);
          };
        };
      }),
  );
}
