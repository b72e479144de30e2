// Which events count as an install prompt.
import { describe, expect, it } from 'vitest';
import { isInstallPromptEvent } from './install-prompt.ts';

const noop = async (): Promise<void> => undefined;

describe('isInstallPromptEvent', () => {
  it.each<[string, Record<string, unknown>, boolean]>([
    ['a plain Event', {}, false],
    ['prompt without userChoice', { prompt: noop }, false],
    ['userChoice without prompt', { userChoice: Promise.resolve({ outcome: 'accepted' }) }, false],
    ['prompt that is not a function', { prompt: 'yes', userChoice: Promise.resolve({ outcome: 'accepted' }) }, false],
    ['prompt and userChoice', { prompt: noop, userChoice: Promise.resolve({ outcome: 'dismissed' }) }, true],
  ])('%s → %s', (_name, extra, expected) => {
    expect(isInstallPromptEvent(Object.assign(new Event('beforeinstallprompt'), extra))).toBe(expected);
  });
});
