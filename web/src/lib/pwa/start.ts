// Starts the installable shell for the page: window events feed the PWA state, and the service worker is registered.
import type { PwaState } from './pwa-state.svelte.ts';

/** Connects `pwa` to this window and registers the service worker; returns what stops listening. */
export function startPwa(pwa: PwaState): () => void {
  const disconnect = pwa.connect({ events: window, isOnline: () => navigator.onLine });
  // Loaded after the first screen (workbox-window waits for the page's load event to register anyway).
  void import('./register.ts').then(({ registerServiceWorker }) =>
    registerServiceWorker({
      state: pwa,
      dev: import.meta.env.DEV,
      // Undefined in browsers without service workers and on insecure origins.
      container: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
      reload: () => window.location.reload(),
    }),
  );
  return disconnect;
}
