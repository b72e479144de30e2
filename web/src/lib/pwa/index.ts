// Public face of the installable, offline-first shell: the controls component, its state and the manifest.
export { default as PwaControls } from './PwaControls.svelte';
export { PwaState, type InstallResult, type PwaEnvironment } from './pwa-state.svelte.ts';
export { isInstallPromptEvent, type BeforeInstallPromptEvent, type InstallOutcome } from './install-prompt.ts';
export { registerServiceWorker, SERVICE_WORKER_URL, type RegisterOptions, type UpdatableWorker } from './register.ts';
export { APPLE_TOUCH_ICON, THEME_COLORS, webManifest, type ManifestIcon, type WebAppManifest } from './manifest.ts';
