// The measured figures in plain words, the same on screen and in the Markdown export: pace, pauses, latency, fillers
// (a floor for spoken answers), "I" against "we", scores. Pure.
import type { AnswerFillers, Pace, PauseStats } from './delivery.ts';
import { LONG_PAUSE_SECONDS } from './delivery.ts';
import type { PronounShare } from './pronouns.ts';

/** "150 words a minute (within the band)", "typed", "too short to measure". */
export function describePace(pace: Pace): string {
  switch (pace.kind) {
    case 'typed':
      return 'typed (no pace)';
    case 'too-short':
      return 'too short to measure the pace';
    case 'spoken':
      return `${String(pace.wpm)} words a minute (${pace.position === 'within' ? 'within the band' : pace.position === 'slow' ? 'slower than the band' : 'faster than the band'})`;
    default:
      return assertNever(pace);
  }
}

/** "2 pauses of 2 s or more, median pause 0.8 s". */
export function describePauses(pauses: PauseStats): string {
  if (pauses.count === 0) return 'no pauses';
  return `${String(pauses.long)} ${pauses.long === 1 ? 'pause' : 'pauses'} of ${String(LONG_PAUSE_SECONDS)} s or more, median pause ${String(pauses.medianSeconds)} s`;
}

/** "started 1.2 s after the question". */
export function describeLatency(seconds: number): string {
  return `started ${String(seconds)} s after the question`;
}

/** The filler count with the number first: "at least 3 (um/uh 1, other 2)" for speech, "3 (…)" when typed. */
export function describeFillers(fillers: Pick<AnswerFillers, 'filled' | 'lexical' | 'atLeast'>): string {
  const total = fillers.filled + fillers.lexical;
  if (total === 0) return fillers.atLeast ? '0 in the transcript (it may leave out um and uh)' : '0';
  return `${fillers.atLeast ? `at least ${String(total)}` : String(total)} (um/uh ${String(fillers.filled)}, other ${String(fillers.lexical)})`;
}

/** "I 40% · we 60%", or a plain note when neither was said. */
export function describePronouns(share: PronounShare): string {
  if (share.iShare === null) return 'neither “I” nor “we”';
  const i = Math.round(share.iShare * 100);
  return `“I” ${String(i)}% · “we” ${String(100 - i)}%`;
}

/** A score with one decimal where it has one: "3.5", "4". */
export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
