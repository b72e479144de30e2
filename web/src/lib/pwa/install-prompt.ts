// The `beforeinstallprompt` event (Chromium only, absent from TypeScript's DOM types) and its guard.

/** What the user chose in the browser's install dialog. */
export type InstallOutcome = 'accepted' | 'dismissed';

/** The event Chromium fires when the app may be installed; `prompt()` works once per event. */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: InstallOutcome; platform?: string }>;
}

/** True for an event that carries the install prompt API (real, or a test's stand-in). */
export function isInstallPromptEvent(event: Event): event is BeforeInstallPromptEvent {
  const candidate = event as Partial<BeforeInstallPromptEvent>;
  return typeof candidate.prompt === 'function' && typeof candidate.userChoice?.then === 'function';
}
