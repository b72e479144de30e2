// The microphone setup names the device model and its real download for the answers' language.
import { describe, expect, it } from 'vitest';
import { deviceEngineLine } from './engine-lines.ts';

describe('deviceEngineLine', () => {
  it.each([
    ['en', /^Moonshine base for English \(answers in other languages use Whisper base, 77 MB\): a 120 MB download/],
    [null, /^Moonshine base for English .*: a 120 MB download/],
    ['de', /^Whisper base for German: a 77 MB download the first time/],
    ['ja', /^Whisper base for Japanese: a 77 MB download/],
  ])('%s → %s', (language, line) => {
    expect(deviceEngineLine(language)).toMatch(line);
    expect(deviceEngineLine(language)).toMatch(/Your voice never leaves this device\.$/);
  });
});
