// Whether a spoken answer goes to the interviewer as soon as its words have landed: the one rule "Done" follows.
// Warning: a take is never sent with a part missing (a failed segment the candidate chose to type), nor after a reload.

/** How the take whose words have all landed came to an end. */
export interface TakeEnding {
  /** The take was ended on this page (Done, the space bar, auto-finish, the time limit), not picked up after a reload. */
  endedHere: boolean;
  /** A part failed to transcribe and the candidate chose to type it instead. */
  partSkipped: boolean;
}

/** Everything the decision rests on, once the last segment is transcribed. */
export interface LandedAnswer extends TakeEnding {
  /** The candidate's "Review my spoken answer before sending" setting. */
  review: boolean;
  /** Whether the interview still expects an answer (not ended, not still asking). */
  answerExpected: boolean;
  /** The answer box's text with the words landed. */
  text: string;
}

/** True when the answer is sent at once; false leaves it in the answer box to edit and send. */
export function sendsSpokenAnswerAtOnce(answer: LandedAnswer): boolean {
  return !answer.review && answer.answerExpected && answer.endedHere && !answer.partSkipped && answer.text.trim() !== '';
}
