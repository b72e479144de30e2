// The interview as the report reads it: each candidate answer with the question it answers and the interviewer turn
// that followed, labelled A1, A2… (the labels the model is given and must name back). Pure.
import type { TranscriptEntry } from '../interview/index.ts';

/** An interviewer entry of the transcript. */
export type QuestionEntry = Extract<TranscriptEntry, { role: 'interviewer' }>;
/** A candidate entry of the transcript. */
export type AnswerEntry = Extract<TranscriptEntry, { role: 'candidate' }>;

/** One answer with its question. */
export interface AnswerTurn {
  /** The candidate entry's transcript id: what the report keys each answer's results by. */
  id: string;
  /** "A1", "A2"…: how the report and the model name the answer. */
  label: string;
  /** 1-based position among the answers. */
  number: number;
  question: QuestionEntry | null;
  answer: AnswerEntry;
  /** The interviewer turn that came after the answer (the next question, or the closing); null until it is committed. */
  next: QuestionEntry | null;
  /** The answer before this one, when this question is a follow-up on it. */
  followsUp: AnswerEntry | null;
}

/** Every candidate answer of `transcript`, in order. */
export function answerTurns(transcript: readonly TranscriptEntry[]): AnswerTurn[] {
  const turns: AnswerTurn[] = [];
  let lastAnswer: AnswerEntry | null = null;
  transcript.forEach((entry, index) => {
    if (entry.role !== 'candidate') return;
    const question = findInterviewer(transcript, index, -1);
    const next = transcript[index + 1];
    turns.push({
      id: entry.id,
      label: `A${String(turns.length + 1)}`,
      number: turns.length + 1,
      question,
      answer: entry,
      next: next?.role === 'interviewer' ? next : null,
      followsUp: question?.kind === 'follow-up' ? lastAnswer : null,
    });
    lastAnswer = entry;
  });
  return turns;
}

function findInterviewer(transcript: readonly TranscriptEntry[], from: number, step: -1 | 1): QuestionEntry | null {
  for (let i = from + step; i >= 0 && i < transcript.length; i += step) {
    const entry = transcript[i];
    if (entry?.role === 'interviewer') return entry;
    if (entry?.role === 'candidate') return null;
  }
  return null;
}
