// Public face of the e2e harness: the extended `test`, `expect`, and the fakes' credentials.
export { expect, FAKE_GEMINI_KEY, FAKE_OPENAI_KEY, FAKE_OPENAI_MODELS, FAKE_RUNPOD_ENDPOINT, FAKE_RUNPOD_KEY, test, type BrowserIssues, type HarnessFixtures, type HarnessOptions } from './fixtures.ts';
export { startProxy, type ProxyEnv, type RunningProxy } from './proxy-process.ts';
export { answer, fillSetup, JOB, openSettings, RESUME, runShortInterview, startInterview } from './interview-steps.ts';
export { installAudioProbe, readAudioClock, readAudioProbe, type AudioProbe, type PlayedBuffer } from './audio-probe.ts';
export { storedInterviews } from './stored.ts';
export { TEST_MODELS_DIR } from './paths.ts';
export { fakeMicrophoneLaunch } from './fake-microphone.ts';
