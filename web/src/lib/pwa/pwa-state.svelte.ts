// Reactive PWA state shown by PwaNotices and InstallButton: a waiting update, the network state, the stashed install prompt.
// Fed by window events (online/offline, beforeinstallprompt, appinstalled) and by the service worker registration.
import { isInstallPromptEvent, type BeforeInstallPromptEvent, type InstallOutcome } from './install-prompt.ts';

/** The browser surface the state listens to: `window` in the app, a plain EventTarget in tests. */
export interface PwaEnvironment {
  /** Receives online, offline, beforeinstallprompt and appinstalled. */
  events: EventTarget;
  /** `navigator.onLine`: false means certainly offline, true only possibly online. */
  isOnline: () => boolean;
}

/** What `install()` came to: the user's choice, or nothing to prompt with. */
export type InstallResult = InstallOutcome | 'unavailable';

/** Install, update and offline state for the UI; `connect()` starts listening. */
export class PwaState {
  /** A new service worker is installed and waiting; `applyUpdate()` switches to it. */
  updateAvailable = $state(false);
  /** The browser says it has no network. */
  offline = $state(false);
  #installPrompt = $state.raw<BeforeInstallPromptEvent | null>(null);
  #applyUpdate: (() => void) | null = null;

  /** The browser offered installation and it has not been used or completed yet. */
  get canInstall(): boolean {
    return this.#installPrompt !== null;
  }

  /** Listens to `env` until the returned function is called. */
  connect(env: PwaEnvironment): () => void {
    this.offline = !env.isOnline();
    const onOnline = () => (this.offline = false);
    const onOffline = () => (this.offline = true);
    const onInstallPrompt = (event: Event) => {
      if (!isInstallPromptEvent(event)) return;
      // Keeps the browser's own mini-infobar away: the app offers its own button.
      event.preventDefault();
      this.#installPrompt = event;
    };
    const onInstalled = () => (this.#installPrompt = null);
    env.events.addEventListener('online', onOnline);
    env.events.addEventListener('offline', onOffline);
    env.events.addEventListener('beforeinstallprompt', onInstallPrompt);
    env.events.addEventListener('appinstalled', onInstalled);
    return () => {
      env.events.removeEventListener('online', onOnline);
      env.events.removeEventListener('offline', onOffline);
      env.events.removeEventListener('beforeinstallprompt', onInstallPrompt);
      env.events.removeEventListener('appinstalled', onInstalled);
    };
  }

  /** Called by the registration when a new version waits; `apply` activates it and reloads. */
  offerUpdate(apply: () => void): void {
    this.#applyUpdate = apply;
    this.updateAvailable = true;
  }

  /** Switches to the waiting version (the page reloads once it controls the page). */
  applyUpdate(): void {
    const apply = this.#applyUpdate;
    if (!apply) return;
    this.#applyUpdate = null;
    this.updateAvailable = false;
    apply();
  }

  /** Shows the browser's install dialog; the prompt is spent whatever the user chooses. */
  async install(): Promise<InstallResult> {
    const prompt = this.#installPrompt;
    if (!prompt) return 'unavailable';
    this.#installPrompt = null;
    await prompt.prompt();
    return (await prompt.userChoice).outcome;
  }
}
