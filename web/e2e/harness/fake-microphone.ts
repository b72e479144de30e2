// Chromium's fake microphone for the voice specs: the launch options that make it play the answer fixture.
import type { LaunchOptions } from '@playwright/test';
import config from '../../../playwright.config.ts';
import { ANSWER_WAV_PATH } from '../../src/lib/speech/stt/testdata/fixtures.ts';

/**
 * The suite's launch options plus a fake microphone playing the answer fixture once (`%noloop`: the answer ends in
 * silence, as a real one does); `granted: false` leaves out the flag that grants access, so the page is refused.
 */
export function fakeMicrophoneLaunch({ granted = true }: { granted?: boolean } = {}): LaunchOptions {
  const launch = config.projects?.[0]?.use?.launchOptions ?? {};
  const microphone = ['--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${ANSWER_WAV_PATH}%noloop`];
  return { ...launch, args: [...(launch.args ?? []), ...(granted ? ['--use-fake-ui-for-media-stream'] : []), ...microphone] };
}
