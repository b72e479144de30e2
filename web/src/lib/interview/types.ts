// The interview's vocabulary: settings, transcript, timings and the machine's events, shared by the core and the UI.
import type { ListeningTiming } from '../speech/stt/index.ts';

/** How one spoken answer was transcribed (measured by the microphone pipeline, stored on the answer). */
export type { ListeningTiming };

/** Per-interview settings; the seed's numbers are the defaults. */
export interface InterviewSettings {
  maxMinutes: number;
  maxQuestions: number;
  maxFollowUpsPerTopic: number;
  /** The language model asked for, as a model reference (`openai:qwen3:8b`; a bare id, as older interviews hold, is a Gemini model). */
  model: string;
}

/** The seed's defaults: 45 minutes, 16 questions, 2 follow-ups per topic. */
export const DEFAULT_SETTINGS: InterviewSettings = { maxMinutes: 45, maxQuestions: 16, maxFollowUpsPerTopic: 2, model: 'gemini-2.5-flash' };

/** What the interview reads: the candidate's documents and instructions. */
export interface InterviewDocuments {
  resume: string;
  jobDescription: string;
  instructions: string;
}

/** What kind of questions the interview asks: past situations (STAR), how things work, or both. */
export type InterviewType = 'behavioural' | 'technical' | 'mixed';

/** Every interview type, in the order the setup screen offers them. */
export const INTERVIEW_TYPES: readonly InterviewType[] = ['behavioural', 'technical', 'mixed'];

/** The seniority the questions are pitched at. */
export type InterviewLevel = 'entry' | 'mid' | 'senior' | 'lead';

/** Every level, most junior first. */
export const INTERVIEW_LEVELS: readonly InterviewLevel[] = ['entry', 'mid', 'senior', 'lead'];

/** How the candidate wants to be interviewed; shapes the analysis and every turn. */
export interface InterviewProfile {
  interviewType: InterviewType;
  /** Null only for interviews saved before levels existed: no level is named to the model then. */
  level: InterviewLevel | null;
}

/** What an interview is when nobody chose otherwise. */
export const DEFAULT_PROFILE: InterviewProfile = { interviewType: 'mixed', level: null };

/** One requirement of the job, frozen at analysis time: a short phrase taken from the job description. */
export interface PlanRequirement {
  /** Stable within the plan: `r1`, `r2`… */
  id: string;
  text: string;
}

/** One topic of the plan, in the order it is asked. */
export interface PlanTopic {
  /** Stable within the plan: `t1`… from the analysis, `c1`… for topics the candidate added. */
  id: string;
  name: string;
  /** One line: why it matters for this job; empty for a topic the candidate added. */
  why: string;
  /** The requirements it covers (ids into the plan's requirements). */
  requirementIds: string[];
  /** Up to four short, concrete things from the resume to ask about. */
  probes: string[];
}

/** The analysis of the documents, as the candidate may have shaped it: what the interview follows. */
export interface InterviewPlan {
  strategy: string;
  interviewType: InterviewType;
  level: InterviewLevel | null;
  /** The job's requirements; each maps to any number of topics (the report maps each one to an outcome). */
  requirements: PlanRequirement[];
  topics: PlanTopic[];
}

/** What kind of interviewer turn a question is. */
export type QuestionKind = 'introduction' | 'follow-up' | 'new-topic' | 'closing';

/** One entry of the transcript, in order; ids are stable so a retried turn never duplicates one. */
export type TranscriptEntry =
  | { id: string; role: 'interviewer'; kind: QuestionKind; text: string; topic: string | null; topicId?: string | null; at: number }
  | { id: string; role: 'candidate'; text: string; at: number; listening?: ListeningTiming };

/** Timing marks of one interviewer turn, epoch milliseconds (the seed's timing_utils). */
export interface TurnTiming {
  /** The transcript id of the question this turn produced. */
  questionId: string;
  answerSubmittedAt: number | null;
  requestSentAt: number;
  firstTokenAt: number | null;
  lastTokenAt: number | null;
  /** How many tries the turn took (retries after 429/503/network drops). */
  attempts: number;
}

/** One spoken piece of a question: its length, its audio and how long synthesis took (real-time factor = synthesisMs / audioMs). */
export interface SpeechPieceTiming {
  chars: number;
  audioMs: number;
  synthesisMs: number;
}

/** How one question was spoken, epoch milliseconds: its first audio against the answer and the first token. */
export interface SpeechTiming {
  /** The transcript id of the question spoken. */
  questionId: string;
  /** What spoke it, e.g. "kokoro · wasm · 4 threads" or "browser voice". */
  engine: string;
  answerSubmittedAt: number | null;
  firstTokenAt: number | null;
  firstAudioAt: number | null;
  /** When the first piece to be heard was complete and handed to the voice. Absent on questions spoken before it was kept. */
  firstPieceAt?: number | null;
  pieces: SpeechPieceTiming[];
}

/** Events the UI and the voice send to the machine. SCREAMING_CASE by house style. */
export type InterviewEvent =
  | { type: 'START' }
  | { type: 'ANSWER_DRAFTED'; text: string }
  | { type: 'ANSWER_SUBMITTED'; text: string; listening?: ListeningTiming }
  /** Takes the answer just sent back into the box, while nothing of the next turn has streamed in yet. */
  | { type: 'ANSWER_WITHDRAWN' }
  | { type: 'SPEECH_MEASURED'; timing: SpeechTiming }
  | { type: 'END_REQUESTED' }
  | { type: 'RETRY' }
  /** Whether a spoken answer is being recorded or transcribed, and the timing of what was spoken so far. */
  | { type: 'ANSWERING_ALOUD'; busy: boolean; listening?: ListeningTiming };

/** What the model decided for the next question: dig deeper on the current topic or move to the next one. */
export type TurnDecision = 'FOLLOW_UP' | 'NEXT_TOPIC';
