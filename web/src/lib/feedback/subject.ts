// What the report is about: the parts of a finished (or running) interview it reads, as plain data, whichever
// screen or export it comes from. Pure helpers to reach its answers.
import type { InterviewContext, InterviewDocuments, InterviewPlan, InterviewProfile, SpeechTiming, TranscriptEntry } from '../interview/index.ts';
import { answerTurns, type AnswerTurn } from './answers.ts';
import type { AnswersByLabel } from './quotes.ts';

/** The interview as the report reads it. */
export interface ReportSubject {
  interviewId: string;
  /** The model reference the interview used: the report asks the same model. */
  model: string;
  documents: InterviewDocuments;
  profile: InterviewProfile;
  plan: InterviewPlan | null;
  transcript: TranscriptEntry[];
  speechTimings: SpeechTiming[];
  /** True once the closing is in the transcript. */
  concluded: boolean;
}

/** The subject of an interview machine's context (live, or from a stored snapshot in today's shape). */
export function subjectOf(context: Pick<InterviewContext, 'id' | 'documents' | 'settings' | 'profile' | 'plan' | 'transcript' | 'speechTimings'>, concluded: boolean): ReportSubject {
  return {
    interviewId: context.id,
    model: context.settings.model,
    documents: context.documents,
    profile: context.profile,
    plan: context.plan,
    transcript: context.transcript,
    speechTimings: context.speechTimings ?? [],
    concluded,
  };
}

/** The subject's answers, by label (what quotes name). */
export function answersByLabel(turns: readonly AnswerTurn[]): AnswersByLabel {
  return new Map(turns.map((turn) => [turn.label, { id: turn.id, text: turn.answer.text }]));
}

/** Every text of the interview (questions and answers), for checking quotes inside the model's prose. */
export function interviewTexts(subject: ReportSubject): string[] {
  return subject.transcript.map((entry) => entry.text);
}

/** The interview as plain lines ("Interviewer: …", "Candidate (A1): …"), for the prompts that read all of it. */
export function interviewAsText(subject: ReportSubject): string {
  const labels = new Map(answerTurns(subject.transcript).map((turn) => [turn.id, turn.label]));
  return subject.transcript.map((entry) => (entry.role === 'interviewer' ? `Interviewer: ${entry.text}` : `Candidate (${labels.get(entry.id) ?? ''}): ${entry.text}`)).join('\n');
}
