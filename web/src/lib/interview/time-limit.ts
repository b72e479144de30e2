// The interview's time limit as pure rules: the time left, the warning five minutes before, and, once the time is
// up, letting the candidate finish what they are saying (a spoken sentence to its pause, or a short grace for
// typing) before the closing.

/** The warning comes this long before the limit. */
export const WARNING_BEFORE_MS = 5 * 60_000;

/** After the limit, a candidate who is not speaking has this long to finish typing (or to start the last sentence). */
export const FINISH_GRACE_MS = 20_000;

/** Where the clock stands. */
export type TimeStage = 'running' | 'warning' | 'overtime';

/** What the limit rules read. */
export interface TimeLimitState {
  /** When the interview started (the introduction's turn), epoch ms; null before. */
  startedAt: number | null;
  maxMinutes: number;
  now: number;
  /** When the limit was noticed while an answer was awaited; null before. */
  overtimeSince: number | null;
  /** Whether a spoken answer is being recorded or transcribed. */
  answeringAloud: boolean;
}

/** What the limit asks of the machine while it awaits an answer. */
export type LimitStep = 'wait' | 'begin-overtime' | 'wrap-up';

/** Milliseconds left before the limit (negative past it); null before the interview started. */
export function timeLeftMs(startedAt: number | null, maxMinutes: number, now: number): number | null {
  return startedAt === null ? null : startedAt + maxMinutes * 60_000 - now;
}

/** The stage of the clock for `leftMs` milliseconds left. */
export function timeStage(leftMs: number | null): TimeStage {
  if (leftMs === null || leftMs > WARNING_BEFORE_MS) return 'running';
  return leftMs > 0 ? 'warning' : 'overtime';
}

/**
 * What to do now. Before the limit: wait. At the limit: begin the overtime. Then wait while the candidate speaks
 * (their sentence ends at its pause), wrap up as soon as a spoken take has landed (`aloudEnded`), and otherwise
 * once FINISH_GRACE_MS has passed.
 */
export function limitStep(state: TimeLimitState, aloudEnded = false): LimitStep {
  const left = timeLeftMs(state.startedAt, state.maxMinutes, state.now);
  if (left === null || left > 0) return 'wait';
  if (state.overtimeSince === null) return 'begin-overtime';
  if (state.answeringAloud) return 'wait';
  if (aloudEnded) return 'wrap-up';
  return state.now - state.overtimeSince >= FINISH_GRACE_MS ? 'wrap-up' : 'wait';
}

/** Milliseconds of the typing grace left (0 once it is over); null before the overtime. */
export function graceLeftMs(overtimeSince: number | null, now: number): number | null {
  return overtimeSince === null ? null : Math.max(0, overtimeSince + FINISH_GRACE_MS - now);
}
