// Every way the microphone can fail is told in plain words, with what to do and that typing still works.
import { describe, expect, it } from 'vitest';
import { describeMicError, micConstraints, type MicProblemKind } from './mic.ts';

function named(name: string, message = 'x'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('describeMicError', () => {
  it.each<[string, MicProblemKind, RegExp]>([
    ['NotAllowedError', 'denied', /address bar.*Allow/],
    ['SecurityError', 'denied', /allow it/],
    ['NotFoundError', 'no-device', /No microphone was found/],
    ['OverconstrainedError', 'no-device', /No microphone/],
    ['NotReadableError', 'busy', /another app/],
    ['MicUnsupported', 'unsupported', /https, or localhost/],
    ['TypeError', 'failed', /could not start \(boom\)/],
  ])('%s → %s', (name, kind, words) => {
    const problem = describeMicError(named(name, 'boom'));
    expect(problem.kind).toBe(kind);
    expect(problem.message).toMatch(words);
    expect(problem.message).toMatch(/keep typing your answers/);
  });
});

describe('micConstraints', () => {
  it('asks for mono speech processing, and the chosen device exactly', () => {
    expect(micConstraints('abc')).toEqual({
      audio: { deviceId: { exact: 'abc' }, channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      video: false,
    });
    expect(micConstraints(null).audio).not.toHaveProperty('deviceId');
  });
});
