// Public face of the on-device speech-to-text engine (Moonshine or Whisper in the speech worker), for the interview kit.
export { DeviceEngine, DEVICE_POLICY, DownloadDeclinedError, type DeviceEngineDeps } from './device-engine.svelte.ts';
export { RememberedDevices } from './backend.ts';
export { deviceModelFor, MOONSHINE_DOWNLOADS, MOONSHINE_MODELS, WHISPER_BASE, type DeviceModel, type MoonshineSize } from './models.ts';
