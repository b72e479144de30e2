// Table tests for the time-limit rules: time left, the warning stage, and what the limit asks for once it is reached.
import { describe, expect, it } from 'vitest';
import { FINISH_GRACE_MS, graceLeftMs, limitStep, timeLeftMs, timeStage, WARNING_BEFORE_MS, type LimitStep, type TimeLimitState } from './time-limit.ts';

const START = 1_000_000;
const LIMIT_AT = START + 45 * 60_000;
const state = (overrides: Partial<TimeLimitState>): TimeLimitState => ({ startedAt: START, maxMinutes: 45, now: START, overtimeSince: null, answeringAloud: false, ...overrides });

describe('timeLeftMs and timeStage', () => {
  it.each<[number | null, number, number | null, string]>([
    [null, START, null, 'running'],
    [START, START, 45 * 60_000, 'running'],
    [START, LIMIT_AT - WARNING_BEFORE_MS - 1, WARNING_BEFORE_MS + 1, 'running'],
    [START, LIMIT_AT - WARNING_BEFORE_MS, WARNING_BEFORE_MS, 'warning'],
    [START, LIMIT_AT - 1, 1, 'warning'],
    [START, LIMIT_AT, 0, 'overtime'],
    [START, LIMIT_AT + 5000, -5000, 'overtime'],
  ])('started %s, at %s: %s ms left, %s', (startedAt, now, left, stage) => {
    expect(timeLeftMs(startedAt, 45, now)).toBe(left);
    expect(timeStage(left)).toBe(stage);
  });
});

describe('limitStep', () => {
  it.each<[string, Partial<TimeLimitState>, boolean, LimitStep]>([
    ['before the start', { startedAt: null, now: LIMIT_AT + 1 }, false, 'wait'],
    ['before the limit', { now: LIMIT_AT - 1 }, false, 'wait'],
    ['at the limit, noticed for the first time', { now: LIMIT_AT }, false, 'begin-overtime'],
    ['at the limit while speaking', { now: LIMIT_AT, answeringAloud: true }, false, 'begin-overtime'],
    ['within the grace', { now: LIMIT_AT + FINISH_GRACE_MS - 1, overtimeSince: LIMIT_AT }, false, 'wait'],
    ['at the end of the grace', { now: LIMIT_AT + FINISH_GRACE_MS, overtimeSince: LIMIT_AT }, false, 'wrap-up'],
    ['past the grace, still speaking', { now: LIMIT_AT + 10 * FINISH_GRACE_MS, overtimeSince: LIMIT_AT, answeringAloud: true }, false, 'wait'],
    ['a spoken take landed within the grace', { now: LIMIT_AT + 1000, overtimeSince: LIMIT_AT }, true, 'wrap-up'],
    ['a spoken take landed before the limit', { now: LIMIT_AT - 1000 }, true, 'wait'],
  ])('%s → %s', (_, overrides, aloudEnded, step) => {
    expect(limitStep(state(overrides), aloudEnded)).toBe(step);
  });
});

describe('graceLeftMs', () => {
  it.each<[number | null, number, number | null]>([
    [null, LIMIT_AT, null],
    [LIMIT_AT, LIMIT_AT, FINISH_GRACE_MS],
    [LIMIT_AT, LIMIT_AT + 5000, FINISH_GRACE_MS - 5000],
    [LIMIT_AT, LIMIT_AT + FINISH_GRACE_MS + 1, 0],
  ])('overtime since %s, at %s: %s', (since, now, left) => {
    expect(graceLeftMs(since, now)).toBe(left);
  });
});
