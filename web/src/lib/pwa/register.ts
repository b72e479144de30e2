// Registers the generated service worker (/sw.js) with workbox-window and reports waiting updates to PwaState.
// Warning: no inline registration script anywhere: the CSP (`script-src 'self'`) would block it.
import { Workbox } from 'workbox-window';
import type { PwaState } from './pwa-state.svelte.ts';

/** The URL vite-plugin-pwa writes the service worker to (served `no-cache` by the proxy). */
export const SERVICE_WORKER_URL = '/sw.js';

/** The part of workbox-window's `Workbox` the app uses; tests pass a fake. */
export interface UpdatableWorker {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  register(): Promise<unknown>;
  messageSkipWaiting(): void;
}

/** What registration needs from the page. */
export interface RegisterOptions {
  state: Pick<PwaState, 'offerUpdate'>;
  /** Vite's dev server: no service worker there (it would cache modules under development). */
  dev: boolean;
  /** `navigator.serviceWorker`, undefined where unsupported (or on an insecure origin). */
  container: ServiceWorkerContainer | undefined;
  /** Reloads the page once the new version controls it. */
  reload: () => void;
  createWorker?: (url: string) => UpdatableWorker;
}

/** Registers the service worker unless in dev or unsupported; returns it, or null when skipped. */
export function registerServiceWorker(options: RegisterOptions): UpdatableWorker | null {
  if (options.dev || !options.container) return null;
  const worker = (options.createWorker ?? ((url) => new Workbox(url)))(SERVICE_WORKER_URL);
  worker.addEventListener('waiting', () => {
    options.state.offerUpdate(() => {
      worker.addEventListener('controlling', options.reload);
      worker.messageSkipWaiting();
    });
  });
  // The app works without a service worker (only not offline): a failed registration is not an error screen.
  worker.register().catch((error: unknown) => console.warn('xquizit: service worker registration failed', error));
  return worker;
}
