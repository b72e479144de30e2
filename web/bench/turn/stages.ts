// One turn of `pnpm bench:turn` as data: the marks the app stored (and the bench noted), split into stages, and what
// our code adds on top of the services' own time. Pure, so it is unit tested.
import { ms, percentile } from './stats.ts';

/** How the answer was given. */
export type TurnKind = 'typed' | 'spoken';

/** The marks of one turn, epoch milliseconds, and the services' own time inside it. */
export interface TurnMarks {
  kind: TurnKind;
  /** Spoken: when Done was pressed; typed: null. */
  doneAt: number | null;
  /** Spoken: when the tail's clip reached the transcription service (the fake RunPod's receipt); typed: null. */
  tailReceivedAt: number | null;
  /** Spoken: when the service's job on the tail ended (queue and run); typed: null. */
  tailAnsweredAt: number | null;
  /** Spoken: when the last words landed in the answer box (the answer's `transcriptReadyAt`); typed: null. */
  tailTranscribedAt: number | null;
  /** When the answer was sent (the turn's `answerSubmittedAt`). */
  committedAt: number;
  /** When the turn's LLM request was sent (`requestSentAt`). */
  requestSentAt: number;
  /** When its first token arrived (`firstTokenAt`). */
  firstTokenAt: number;
  /** When the first piece to be heard was complete and handed to the voice (`firstPieceAt`). */
  firstPieceAt: number;
  /** When its audio was scheduled to start (the buffer's start time; the audio device's own latency not included). */
  firstAudioAt: number;
  /** The model's own time: from the request reaching it to its writing the text that completed the first piece. */
  modelMs: number;
  /** The transcription service's own time between Done and the tail landing (0 for a typed answer). */
  transcriptionMs: number;
}

/** A stage: a label and the two marks it lies between. */
export interface Stage {
  label: string;
  from: keyof TurnMarks;
  to: keyof TurnMarks;
}

/** From the turn's request to the first audio: the same for both kinds. */
const FROM_REQUEST: readonly Stage[] = [
  { label: 'request sent → first token', from: 'requestSentAt', to: 'firstTokenAt' },
  { label: 'first token → first speakable piece', from: 'firstTokenAt', to: 'firstPieceAt' },
  { label: 'first speakable piece → first audio scheduled', from: 'firstPieceAt', to: 'firstAudioAt' },
];

/** The stages of a spoken turn, in order. */
export const SPOKEN_STAGES: readonly Stage[] = [
  { label: "Done → the tail's clip reaches RunPod (negative: sent early, before Done)", from: 'doneAt', to: 'tailReceivedAt' },
  { label: "RunPod's job on it (queue and run)", from: 'tailReceivedAt', to: 'tailAnsweredAt' },
  { label: "RunPod's answer → words landed", from: 'tailAnsweredAt', to: 'tailTranscribedAt' },
  { label: 'words landed → answer committed', from: 'tailTranscribedAt', to: 'committedAt' },
  { label: 'answer committed → request sent', from: 'committedAt', to: 'requestSentAt' },
  ...FROM_REQUEST,
];

/** The stages of a typed turn, in order. */
export const TYPED_STAGES: readonly Stage[] = [{ label: 'Send → request sent', from: 'committedAt', to: 'requestSentAt' }, ...FROM_REQUEST];

/** Milliseconds between a stage's two marks; NaN when either is missing. */
export function stageMs(marks: TurnMarks, stage: Stage): number {
  const from = marks[stage.from];
  const to = marks[stage.to];
  return typeof from === 'number' && typeof to === 'number' ? to - from : Number.NaN;
}

/** The whole turn: Done (spoken) or Send (typed) → first audio scheduled. */
export function turnMs(marks: TurnMarks): number {
  return marks.firstAudioAt - (marks.doneAt ?? marks.committedAt);
}

/** What our code adds: the whole turn less the model's and the transcription service's own time. */
export function ourMs(marks: TurnMarks): number {
  return turnMs(marks) - marks.modelMs - marks.transcriptionMs;
}

/** The model's own time: from the request reaching it to the last event it wrote at or before `pieceAt` (0 when none). */
export function modelMsUntil(receivedAt: number, eventsWrittenAt: readonly number[], pieceAt: number): number {
  const before = eventsWrittenAt.filter((at) => at <= pieceAt);
  return before.length === 0 ? 0 : Math.max(...before) - receivedAt;
}

/** How much of [from, to] the intervals cover together (overlaps counted once): a service busy while we wait. */
export function coveredMs(intervals: readonly (readonly [number, number])[], from: number, to: number): number {
  const clipped = intervals
    .map(([start, end]) => [Math.max(start, from), Math.min(end, to)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = from;
  for (const [start, end] of clipped) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/** The job on an answer's tail: the last one to reach the service at or after `since` and before the words landed. */
export function tailJob(jobs: readonly (readonly [number, number])[], since: number, landedAt: number): readonly [number, number] | null {
  return jobs.filter(([receivedAt]) => receivedAt >= since && receivedAt <= landedAt).at(-1) ?? null;
}

/** Budgets for what our code adds over a whole turn (DESIGN.md). */
export const BUDGET = { p50: 50, p95: 100 } as const;

/** The rows of one kind's table: each stage, the whole turn, the services' share and ours, with p50 and p95. */
export function summaryRows(turns: readonly TurnMarks[], kind: TurnKind): string[][] {
  const ofKind = turns.filter((turn) => turn.kind === kind);
  const row = (label: string, values: readonly number[], note = '') => [label, String(values.length), ms(percentile(values, 50)), ms(percentile(values, 95)), note];
  const stages = kind === 'spoken' ? SPOKEN_STAGES : TYPED_STAGES;
  const ours = ofKind.map(ourMs);
  const p50 = percentile(ours, 50);
  const p95 = percentile(ours, 95);
  const verdict = `budget ${BUDGET.p50} / ${BUDGET.p95}: ${p50 <= BUDGET.p50 && p95 <= BUDGET.p95 ? 'ok' : 'OVER'}`;
  return [
    ...stages.map((stage) => row(stage.label, ofKind.map((turn) => stageMs(turn, stage)))),
    row(kind === 'spoken' ? '**Done → first audio scheduled**' : '**Send → first audio scheduled**', ofKind.map(turnMs)),
    row('  the model (to the text completing the first piece)', ofKind.map((turn) => turn.modelMs)),
    ...(kind === 'spoken' ? [row('  the transcription service (after Done)', ofKind.map((turn) => turn.transcriptionMs))] : []),
    row('  **ours: everything else**', ours, verdict),
  ];
}
