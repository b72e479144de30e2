// Public face of the installable, offline-first shell: its notices, the install button, their state and the manifest.
export { default as InstallButton } from './InstallButton.svelte';
export { default as PwaNotices } from './PwaNotices.svelte';
export { startPwa } from './start.ts';
export { PwaState, type InstallResult, type PwaEnvironment } from './pwa-state.svelte.ts';
export { isInstallPromptEvent, type BeforeInstallPromptEvent, type InstallOutcome } from './install-prompt.ts';
export { registerServiceWorker, SERVICE_WORKER_URL, type RegisterOptions, type UpdatableWorker } from './register.ts';
export { APPLE_TOUCH_ICON, THEME_COLORS, webManifest, type ManifestIcon, type WebAppManifest } from './manifest.ts';
