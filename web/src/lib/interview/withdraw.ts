// When a sent answer may still be taken back: the interviewer is thinking, and not one word of the next turn has arrived.
import type { TranscriptEntry } from './types.ts';

/** What the rule reads: the machine's state and the parts of its context that matter. */
export interface WithdrawView {
  state: string;
  transcript: readonly TranscriptEntry[];
  turn: { answerSubmittedAt: number | null; firstTokenAt: number | null; decision: unknown; plan: { kind: string; reason?: string } } | null;
  liveQuestion: string;
}

/**
 * True while the answer just sent can be taken back: the next question (or the closing that the question limit
 * brought) is being asked for, and nothing of it, not even the decision line, has streamed in yet.
 */
export function canWithdrawAnswer(view: WithdrawView): boolean {
  const { turn } = view;
  if (turn === null || turn.answerSubmittedAt === null || turn.firstTokenAt !== null || turn.decision !== null || view.liveQuestion !== '') return false;
  if (view.transcript.at(-1)?.role !== 'candidate') return false;
  // Warning: a closing the time limit started is not undone: the time is up either way.
  if (view.state === 'asking') return turn.plan.kind === 'question';
  return view.state === 'concluding' && turn.plan.kind === 'closing' && turn.plan.reason === 'question-limit';
}
