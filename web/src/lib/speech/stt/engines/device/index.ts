// Public face of the on-device speech-to-text engine (Moonshine in the speech worker), for the interview kit.
export { DeviceEngine, DEVICE_POLICY, DownloadDeclinedError, type DeviceEngineDeps } from './device-engine.svelte.ts';
export { MOONSHINE_DOWNLOADS, MOONSHINE_MODELS, type MoonshineSize } from './recognizer.ts';
