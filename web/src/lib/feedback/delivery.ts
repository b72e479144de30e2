// How the candidate spoke, measured on the device with no language model: per answer the words, speaking time and
// pace against a band, pauses, response latency, fillers, hedges, repeated phrases and "I" against "we"; over the
// interview the talk ratio and the totals. Pure: the transcript and the voice's timings in, numbers out.
import type { SpeechTiming, TranscriptEntry } from '../interview/index.ts';
import { answerTurns, type AnswerTurn } from './answers.ts';
import { countFillers, type FillerCount } from './fillers.ts';
import { countHedges } from './hedges.ts';
import { combinePronouns, pronounShare, type PronounShare } from './pronouns.ts';
import { phrasesAcrossAnswers, repeatedPhrases, type RepeatedPhrase } from './repetition.ts';
import { wordCount } from './text.ts';

/** The comfortable speaking pace, in words per minute. */
export interface PaceBand {
  slowest: number;
  fastest: number;
}

/** 120–170 words a minute by default. */
export const DEFAULT_PACE_BAND: PaceBand = { slowest: 120, fastest: 170 };

/** Why the band is where it is, in one plain sentence for the candidate. */
export const PACE_BAND_WHY =
  'Conversational English usually runs at about 120 to 170 words a minute: much faster is hard for an interviewer to follow, much slower can sound unsure.';

/** A pause this long or longer is counted as a long pause. */
export const LONG_PAUSE_SECONDS = 2;

/** Below this many words or seconds of speech a pace would mean little. */
const MIN_PACE_WORDS = 10;
const MIN_PACE_SECONDS = 3;

/** An answer's pace: typed (no pace, never 0 wpm), too short to measure, or words a minute against the band. */
export type Pace = { kind: 'typed' } | { kind: 'too-short' } | { kind: 'spoken'; wpm: number; position: 'slow' | 'within' | 'fast' };

/** Pauses between stretches of speech in one answer. */
export interface PauseStats {
  /** Every pause of at least 250 ms. */
  count: number;
  /** Pauses of LONG_PAUSE_SECONDS or more. */
  long: number;
  medianSeconds: number | null;
}

/** The filler count of one answer; `atLeast` when the transcript came from speech, where "um" and "uh" may be missing. */
export interface AnswerFillers extends FillerCount {
  atLeast: boolean;
}

/** Everything measured about one answer. */
export interface AnswerDelivery {
  answerId: string;
  label: string;
  words: number;
  /** Seconds of speech the microphone heard; null for a typed answer. */
  spokenSeconds: number | null;
  pace: Pace;
  /** Null for a typed answer, or one recorded before pauses were kept. */
  pauses: PauseStats | null;
  /** From the end of the question to the first word spoken; null when the answer was typed or its start is unknown. */
  latencySeconds: number | null;
  fillers: AnswerFillers;
  hedges: number;
  repeated: RepeatedPhrase[];
  pronouns: PronounShare;
}

/** The interview as a whole. */
export interface InterviewDelivery {
  answers: AnswerDelivery[];
  band: PaceBand;
  candidateWords: number;
  interviewerWords: number;
  /** The candidate's share of the words of the interview (0–1); null before any word. */
  talkRatio: number | null;
  /** Median pace of the spoken answers that have one; null when none. */
  medianWpm: number | null;
  fillers: { filled: number; lexical: number; atLeast: boolean; perHundredWords: number | null };
  hedges: number;
  pronouns: PronounShare;
  /** Phrases used in three or more answers. */
  repeatedAcross: RepeatedPhrase[];
}

/** Measures every answer of `transcript` and the interview as a whole. */
export function measureDelivery(transcript: readonly TranscriptEntry[], speechTimings: readonly SpeechTiming[], band: PaceBand = DEFAULT_PACE_BAND): InterviewDelivery {
  const turns = answerTurns(transcript);
  const answers = turns.map((turn) => measureAnswer(turn, speechTimings, band));
  const candidateWords = answers.reduce((sum, answer) => sum + answer.words, 0);
  const interviewerWords = transcript.reduce((sum, entry) => sum + (entry.role === 'interviewer' ? wordCount(entry.text) : 0), 0);
  const filled = answers.reduce((sum, answer) => sum + answer.fillers.filled, 0);
  const lexical = answers.reduce((sum, answer) => sum + answer.fillers.lexical, 0);
  const paces = answers.flatMap((answer) => (answer.pace.kind === 'spoken' ? [answer.pace.wpm] : []));
  const medianPace = median(paces);
  return {
    answers,
    band,
    candidateWords,
    interviewerWords,
    talkRatio: candidateWords + interviewerWords === 0 ? null : candidateWords / (candidateWords + interviewerWords),
    medianWpm: medianPace === null ? null : Math.round(medianPace),
    fillers: {
      filled,
      lexical,
      atLeast: answers.some((answer) => answer.fillers.atLeast),
      perHundredWords: candidateWords === 0 ? null : ((filled + lexical) * 100) / candidateWords,
    },
    hedges: answers.reduce((sum, answer) => sum + answer.hedges, 0),
    pronouns: combinePronouns(answers.map((answer) => answer.pronouns)),
    repeatedAcross: phrasesAcrossAnswers(turns.map((turn) => turn.answer.text)),
  };
}

/** Everything measured about one answer. */
export function measureAnswer(turn: AnswerTurn, speechTimings: readonly SpeechTiming[], band: PaceBand = DEFAULT_PACE_BAND): AnswerDelivery {
  const { answer } = turn;
  const words = wordCount(answer.text);
  const listening = answer.listening;
  const spoken = listening !== undefined && listening.spokenSeconds > 0;
  const pauses = spoken && listening.pauses ? pauseStats(listening.pauses) : null;
  const questionEnd = turn.question ? questionSpokenEnd(turn.question, speechTimings) : null;
  const start = spoken ? (listening.speechStartAt ?? null) : null;
  return {
    answerId: answer.id,
    label: turn.label,
    words,
    spokenSeconds: spoken ? listening.spokenSeconds : null,
    pace: spoken ? paceOf(words, listening.spokenSeconds, band) : { kind: 'typed' },
    pauses,
    latencySeconds: start !== null && questionEnd !== null ? round1(Math.max(0, start - questionEnd) / 1000) : null,
    fillers: { ...countFillers(answer.text), atLeast: spoken },
    hedges: countHedges(answer.text).count,
    repeated: repeatedPhrases(answer.text),
    pronouns: pronounShare(answer.text),
  };
}

/** Words a minute of speech, placed against the band. */
export function paceOf(words: number, spokenSeconds: number, band: PaceBand = DEFAULT_PACE_BAND): Pace {
  if (words < MIN_PACE_WORDS || spokenSeconds < MIN_PACE_SECONDS) return { kind: 'too-short' };
  const wpm = Math.round((words * 60) / spokenSeconds);
  return { kind: 'spoken', wpm, position: wpm < band.slowest ? 'slow' : wpm > band.fastest ? 'fast' : 'within' };
}

/** The count, long ones and median of a list of pauses in seconds. */
export function pauseStats(pauses: readonly number[]): PauseStats {
  const median_ = median(pauses);
  return { count: pauses.length, long: pauses.filter((pause) => pause >= LONG_PAUSE_SECONDS).length, medianSeconds: median_ === null ? null : round1(median_) };
}

/**
 * When the question finished being heard (epoch ms): its first audio plus the length of every piece heard (pieces play
 * back to back); without a voice, when its text was complete on screen.
 */
export function questionSpokenEnd(question: { id: string; at: number }, speechTimings: readonly SpeechTiming[]): number {
  const timing = speechTimings.find((candidate) => candidate.questionId === question.id);
  if (!timing || timing.firstAudioAt === null) return question.at;
  return timing.firstAudioAt + timing.pieces.reduce((sum, piece) => sum + piece.audioMs, 0);
}

/** The median of `values`; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
