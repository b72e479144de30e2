// Table tests for reading RunPod's job JSON: final and pending states, FAILED errors in each real form, the
// candidate-facing sentence (no traceback, no long base64, no keys), and the cold-start rule from /health.
import { describe, expect, it } from 'vitest';
import { FAILED_MODEL_NOT_FOUND_ERROR, handlerError } from '../../../test/fakes/index.ts';
import { failureDetail, failureMessage, isTransientFailure, phaseOf, readFailure, readJob, workersRunning } from './job-status.ts';

const scrub = (text: string) => text.split('secret-key').join('[redacted]');

describe('readJob', () => {
  it.each<[string, unknown, unknown]>([
    ['COMPLETED with output', { id: 'a', status: 'COMPLETED', output: { transcription: 'hi' } }, { kind: 'completed', output: { transcription: 'hi' } }],
    ['COMPLETED without output', { id: 'a', status: 'COMPLETED', delayTime: 3, executionTime: 9 }, { kind: 'completed-without-output' }],
    ['COMPLETED with output null', { id: 'a', status: 'COMPLETED', output: null }, { kind: 'completed-without-output' }],
    ['COMPLETED with a list output', { id: 'a', status: 'COMPLETED', output: ['x'] }, { kind: 'malformed', reason: 'an output that is not an object' }],
    ['IN_QUEUE', { id: 'a', status: 'IN_QUEUE' }, { kind: 'pending', id: 'a', status: 'IN_QUEUE' }],
    ['IN_PROGRESS', { id: 'a', status: 'IN_PROGRESS' }, { kind: 'pending', id: 'a', status: 'IN_PROGRESS' }],
    ['RUNNING', { id: 'a', status: 'RUNNING' }, { kind: 'pending', id: 'a', status: 'RUNNING' }],
    ['a state added later', { id: 'a', status: 'THROTTLED' }, { kind: 'pending', id: 'a', status: 'THROTTLED' }],
    ['TIMED_OUT', { id: 'a', status: 'TIMED_OUT' }, { kind: 'timed-out' }],
    ['CANCELLED', { id: 'a', status: 'CANCELLED' }, { kind: 'cancelled' }],
    ['a pending state without an id', { status: 'IN_QUEUE' }, { kind: 'malformed', reason: 'status IN_QUEUE without a job id' }],
    ['no status', { id: 'a' }, { kind: 'malformed', reason: 'no job status' }],
    ['not an object', 'COMPLETED', { kind: 'malformed', reason: 'no job status' }],
  ])('%s', (_, json, expected) => {
    expect(readJob(json)).toEqual(expected);
  });
});

describe('readFailure and the message', () => {
  it.each<[string, unknown, { type: string | null; message: string }, boolean]>([
    ['the real sample (worker-faster_whisper#60)', FAILED_MODEL_NOT_FOUND_ERROR, { type: 'ValueError', message: "Model 'turbo' not found." }, false],
    ["runpod-python's compact JSON, CUDA out of memory", handlerError('RuntimeError', 'CUDA failed with error out of memory'), { type: 'RuntimeError', message: 'CUDA failed with error out of memory' }, true],
    ['bad audio', handlerError('binascii.Error', 'Incorrect padding'), { type: 'binascii.Error', message: 'Incorrect padding' }, false],
    ['a list of validation errors', ['Unexpected input. vad is not a valid input option.', 'model should be str'], { type: 'validation', message: 'Unexpected input. vad is not a valid input option. model should be str' }, false],
    ['the list as a JSON string', '["beam_size should be int"]', { type: 'validation', message: 'beam_size should be int' }, false],
    ['plain text', 'Must provide either audio or audio_base64', { type: null, message: 'Must provide either audio or audio_base64' }, false],
    ['plain text about the machine', 'CUDA out of memory', { type: null, message: 'CUDA out of memory' }, true],
    ['no error at all', undefined, { type: null, message: '' }, false],
  ])('%s', (_, error, expected, transient) => {
    const failure = readFailure(error);
    expect(failure).toEqual(expected);
    expect(isTransientFailure(failure)).toBe(transient);
    const message = failureMessage(failure, scrub);
    expect(message).toContain(transient ? 'Trying again may work.' : 'Trying again will not help');
    expect(message).not.toMatch(/Traceback|error_traceback|\.py/);
  });

  it('leaves out long base64 runs and keys, and stays short', () => {
    const failure = { type: 'ValueError', message: `bad audio ${'QUJD'.repeat(40)} with secret-key ${'x'.repeat(400)}` };
    const detail = failureDetail(failure, scrub);
    expect(detail).not.toContain('QUJDQUJD');
    expect(detail).not.toContain('secret-key');
    expect(detail).toContain('[redacted]');
    expect(detail.length).toBeLessThanOrEqual(200);
    expect(failureDetail({ type: null, message: '' }, scrub)).toBe('no reason given');
  });
});

describe('cold starts', () => {
  it.each<[string, number | undefined, string]>([
    ['IN_QUEUE', 0, 'starting'],
    ['IN_QUEUE', 2, 'queued'],
    ['IN_QUEUE', undefined, 'queued'],
    ['IN_PROGRESS', 0, 'running'],
    ['RUNNING', undefined, 'running'],
    ['THROTTLED', 0, 'queued'],
  ])('%s with %s workers running is %s', (status, running, phase) => {
    expect(phaseOf(status, running)).toBe(phase);
  });

  it('reads the running workers from /health', () => {
    expect(workersRunning({ jobs: { inQueue: 2 }, workers: { idle: 0, running: 0 } })).toBe(0);
    expect(workersRunning({ workers: { running: 3 } })).toBe(3);
    expect(workersRunning({ workers: {} })).toBeUndefined();
    expect(workersRunning(undefined)).toBeUndefined();
  });
});
