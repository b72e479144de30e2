// The interview as one XState v5 machine: analysis, the introduction, question turns with topic rotation
// and the follow-up cap, limits (the time limit watched by a clock while an answer is awaited), closing, failures
// and retries. Every side effect is an actor given with `.provide()`.
import { assign, fromCallback, fromPromise, raise, setup, type EventObject } from 'xstate';
import { describeFailure } from './failure.ts';
import {
  countFollowUp,
  followUpsUsed,
  limitsReached,
  MAX_ANALYSIS_ATTEMPTS,
  MAX_TURN_ATTEMPTS,
  planQuestion,
  questionCounts,
  recentMessages,
  resolveDecision,
  type TurnPlan,
} from './policy.ts';
import { cleanQuestion } from './parse-turn.ts';
import { topicBrief } from './plan.ts';
import { FALLBACK_CLOSING } from './prompts.ts';
import { limitStep, type TimeLimitState } from './time-limit.ts';
import { canWithdrawAnswer } from './withdraw.ts';
import type { AnalysisInput, ClosingReason, TurnEvent, TurnInput } from './turn.ts';
import {
  DEFAULT_PROFILE,
  type InterviewDocuments,
  type InterviewEvent,
  type InterviewPlan,
  type InterviewProfile,
  type InterviewSettings,
  type ListeningTiming,
  type QuestionKind,
  type TranscriptEntry,
  type TurnDecision,
  type SpeechTiming,
  type TurnTiming,
} from './types.ts';
import { assertNever } from '../common/index.ts';

/** What an interview starts from. */
export interface InterviewInput {
  id: string;
  documents: InterviewDocuments;
  settings: InterviewSettings;
  /** The interview type and level; the defaults when absent. */
  profile?: InterviewProfile;
  /** A plan made (and perhaps shaped by the candidate) before the start: the analysis is skipped. */
  plan?: InterviewPlan | null;
}

/** The interviewer turn being produced: its plan, its transcript id (kept across retries) and its timing marks. */
export interface PendingTurn {
  questionId: string;
  plan: TurnPlan;
  answerSubmittedAt: number | null;
  requestSentAt: number | null;
  firstTokenAt: number | null;
  lastTokenAt: number | null;
  /** Tries made so far, the current one included. */
  attempts: number;
  /** The model's decision for this try, once its first line arrived. */
  decision: TurnDecision | null;
}

/** A failure the interview stopped at; RETRY resumes the step. */
export interface InterviewError {
  step: 'analysis' | 'turn';
  message: string;
  retryable: boolean;
}

/** The machine's context. Plain JSON only: it is what the persisted snapshot stores. */
export interface InterviewContext {
  id: string;
  documents: InterviewDocuments;
  settings: InterviewSettings;
  profile: InterviewProfile;
  plan: InterviewPlan | null;
  transcript: TranscriptEntry[];
  /** Questions committed to the transcript, follow-ups and the introduction included, the closing not (the limit counts main questions only: policy.questionCounts). */
  questionsAsked: number;
  /** Index into plan.topics of the last question's topic; null before the first topic. */
  currentTopicIndex: number | null;
  /** Follow-ups asked per topic id, for the whole interview. */
  followUpsByTopic: Record<string, number>;
  startedAt: number | null;
  endedAt: number | null;
  turn: PendingTurn | null;
  /** The question text streamed so far; committed to the transcript only when the turn is done. */
  liveQuestion: string;
  /** The effective decision of the last committed question (after the follow-up cap). */
  lastDecision: TurnDecision | null;
  draftAnswer: string;
  /** The spoken part of the draft's timing, for an answer the time limit sends on the candidate's behalf. */
  draftListening: ListeningTiming | null;
  /** Whether a spoken answer is being recorded or transcribed (the time limit waits for its sentence to end). */
  answeringAloud: boolean;
  /** When the time limit was reached while an answer was awaited; null before. */
  overtimeSince: number | null;
  analysisAttempts: number;
  error: InterviewError | null;
  /** Set while a call is being retried; cleared by the first text. */
  retrying: { attempt: number; delayMs: number } | null;
  timings: TurnTiming[];
  /** How each question was spoken, one entry per question id (replaced as more pieces are measured). */
  speechTimings: SpeechTiming[];
}

/** What the clock actor sends every second while an answer is awaited. */
export type ClockEvent = { type: 'TICK' };

/** Every event the machine takes: the UI's, what the streamTurn actor reports, and the clock's ticks. */
export type InterviewMachineEvent = InterviewEvent | TurnEvent | ClockEvent;

/** How often the clock ticks while an answer is awaited. */
export const CLOCK_TICK_MS = 1000;

/** The context of a fresh interview. */
export function initialContext(input: InterviewInput): InterviewContext {
  return {
    id: input.id,
    documents: input.documents,
    settings: input.settings,
    profile: input.profile ?? (input.plan ? { interviewType: input.plan.interviewType, level: input.plan.level } : DEFAULT_PROFILE),
    plan: input.plan ?? null,
    transcript: [],
    questionsAsked: 0,
    currentTopicIndex: null,
    followUpsByTopic: {},
    startedAt: null,
    endedAt: null,
    turn: null,
    liveQuestion: '',
    lastDecision: null,
    draftAnswer: '',
    draftListening: null,
    answeringAloud: false,
    overtimeSince: null,
    analysisAttempts: 0,
    error: null,
    retrying: null,
    timings: [],
    speechTimings: [],
  };
}

/** The streamTurn actor's input for the pending turn: the current and next topics with their requirements and probes. */
export function turnInputFor(context: InterviewContext, now: number): TurnInput {
  const turnPlan = context.turn?.plan ?? { kind: 'closing', reason: 'ended' };
  const { settings, plan } = context;
  const topics = plan?.topics ?? [];
  const strategy = plan?.strategy ?? '';
  const profile: InterviewProfile = plan === null ? context.profile : { interviewType: plan.interviewType, level: plan.level };
  const elapsedMinutes = context.startedAt === null ? 0 : Math.floor((now - context.startedAt) / 60_000);
  const brief = (index: number | null) => {
    const topic = index === null ? undefined : topics[index];
    return plan === null || topic === undefined ? null : topicBrief(plan, topic);
  };
  switch (turnPlan.kind) {
    case 'introduction':
      return {
        kind: 'introduction',
        model: settings.model,
        strategy,
        profile,
        topics: topics.map((topic) => topic.name),
        maxQuestions: settings.maxQuestions,
        maxMinutes: settings.maxMinutes,
      };
    case 'question': {
      const currentId = turnPlan.currentTopicIndex === null ? null : (topics[turnPlan.currentTopicIndex]?.id ?? null);
      return {
        kind: 'question',
        model: settings.model,
        strategy,
        profile,
        currentTopic: brief(turnPlan.currentTopicIndex),
        nextTopic: brief(turnPlan.nextTopicIndex) ?? { name: '', why: '', requirements: [], probes: [] },
        followUpAllowed: turnPlan.followUpAllowed,
        followUpsUsed: currentId === null ? 0 : followUpsUsed(context.followUpsByTopic, currentId),
        maxFollowUps: settings.maxFollowUpsPerTopic,
        recent: recentMessages(context.transcript),
        questionNumber: questionCounts(context.transcript).mainQuestions + 1,
        maxQuestions: settings.maxQuestions,
        elapsedMinutes,
        maxMinutes: settings.maxMinutes,
      };
    }
    case 'closing': {
      const counts = questionCounts(context.transcript);
      return { kind: 'closing', model: settings.model, reason: turnPlan.reason, recent: recentMessages(context.transcript), questionsAsked: counts.mainQuestions, followUpsAsked: counts.followUps, elapsedMinutes };
    }
    default:
      return assertNever(turnPlan);
  }
}

/** The ids of the plan's topics, in order: what the rotation and the follow-up counts go by. */
function topicIds(context: InterviewContext): string[] {
  return context.plan?.topics.map((topic) => topic.id) ?? [];
}

/** A new pending turn; its transcript id is the index the entry will take. */
function newTurn(context: InterviewContext, plan: TurnPlan, answerSubmittedAt: number | null): PendingTurn {
  return {
    questionId: entryId(context, context.transcript.length),
    plan,
    answerSubmittedAt,
    requestSentAt: null,
    firstTokenAt: null,
    lastTokenAt: null,
    attempts: 0,
    decision: null,
  };
}

function entryId(context: InterviewContext, index: number): string {
  return `${context.id}-${String(index)}`;
}

function patchTurn(context: InterviewContext, patch: Partial<PendingTurn>): PendingTurn | null {
  return context.turn === null ? null : { ...context.turn, ...patch };
}

/** Appends an entry unless one with its id is already there (a retried or restored turn never duplicates). */
function append(transcript: readonly TranscriptEntry[], entry: TranscriptEntry): TranscriptEntry[] {
  return transcript.some((existing) => existing.id === entry.id) ? [...transcript] : [...transcript, entry];
}

function timingOf(turn: PendingTurn, now: number): TurnTiming {
  return {
    questionId: turn.questionId,
    answerSubmittedAt: turn.answerSubmittedAt,
    requestSentAt: turn.requestSentAt ?? now,
    firstTokenAt: turn.firstTokenAt,
    lastTokenAt: turn.lastTokenAt,
    attempts: turn.attempts,
  };
}

/** What committing the finished interviewer turn changes in the context. */
function committedTurn(context: InterviewContext, text: string, now: number): Partial<InterviewContext> {
  const turn = context.turn;
  if (turn === null) return {};
  const topics = context.plan?.topics ?? [];
  const base = { turn: null, liveQuestion: '', retrying: null, error: null, timings: [...context.timings, timingOf(turn, now)] };
  const entry = (kind: QuestionKind, topic: { id: string; name: string } | null): TranscriptEntry => ({
    id: turn.questionId,
    role: 'interviewer',
    kind,
    text,
    topic: topic?.name ?? null,
    topicId: topic?.id ?? null,
    at: now,
  });
  const plan = turn.plan;
  switch (plan.kind) {
    case 'introduction':
      return { ...base, transcript: append(context.transcript, entry('introduction', null)), questionsAsked: context.questionsAsked + 1 };
    case 'question': {
      const resolved = resolveDecision(plan, turn.decision);
      const topic = topics[resolved.topicIndex] ?? { id: '', name: '' };
      return {
        ...base,
        transcript: append(context.transcript, entry(resolved.kind, topic)),
        questionsAsked: context.questionsAsked + 1,
        currentTopicIndex: resolved.topicIndex,
        followUpsByTopic: countFollowUp(context.followUpsByTopic, resolved, topic.id),
        lastDecision: resolved.decision,
      };
    }
    case 'closing':
      return { ...base, transcript: append(context.transcript, entry('closing', null)), endedAt: now };
    default:
      return assertNever(plan);
  }
}

/** The time limit's view of the context at `at`; `answeringAloud` as it will be after the event. */
function limitState(context: InterviewContext, at: number, answeringAloud = context.answeringAloud): TimeLimitState {
  return { startedAt: context.startedAt, maxMinutes: context.settings.maxMinutes, now: at, overtimeSince: context.overtimeSince, answeringAloud };
}

function closingTurn(context: InterviewContext, reason: ClosingReason, answerSubmittedAt: number | null): PendingTurn {
  return newTurn(context, { kind: 'closing', reason }, answerSubmittedAt);
}

// Warning: the clock is Date.now(), read only inside actions and guards, so tests control it with fake timers.
const now = (): number => Date.now();

const turnEvents = {
  TURN_STARTED: { actions: 'restartTurnText' },
  TURN_RETRYING: { actions: 'noteClientRetry' },
  TURN_DECISION: { actions: 'noteDecision' },
  TURN_DELTA: { actions: 'appendDelta' },
} as const;

/** The interview machine. Provide `analyzeDocuments` and `streamTurn` with `.provide({ actors })`. */
export const interviewMachine = setup({
  types: {
    context: {} as InterviewContext,
    events: {} as InterviewMachineEvent,
    input: {} as InterviewInput,
  },
  actors: {
    /** Reads the documents and returns the plan; rejects with an error that says if retrying helps. */
    analyzeDocuments: fromPromise<InterviewPlan, AnalysisInput>(() => Promise.reject(new Error('The analyzeDocuments actor was not provided.'))),
    /** Streams one interviewer turn and reports TurnEvents back; stopping it must cancel the call. */
    streamTurn: fromCallback<EventObject, TurnInput>(({ sendBack }) => {
      sendBack({ type: 'TURN_FAILED', message: 'The streamTurn actor was not provided.', retryable: false } satisfies TurnEvent);
    }),
    /**
     * Ticks while an answer is awaited, so the time limit is noticed without an answer being sent. An invoked
     * actor (not a delayed transition) because a restored snapshot restarts it: a reload keeps the clock going.
     */
    clock: fromCallback<EventObject>(({ sendBack }) => {
      const timer = setInterval(() => sendBack({ type: 'TICK' } satisfies ClockEvent), CLOCK_TICK_MS);
      return () => clearInterval(timer);
    }),
  },
  guards: {
    canRetryAnalysis: ({ context, event }) => {
      const failure = describeFailure((event as { error?: unknown }).error);
      return failure.retryable && context.analysisAttempts < MAX_ANALYSIS_ATTEMPTS;
    },
    canRetryTurn: ({ context, event }) => event.type === 'TURN_FAILED' && event.retryable && (context.turn?.attempts ?? MAX_TURN_ATTEMPTS) < MAX_TURN_ATTEMPTS,
    questionIsEmpty: ({ context }) => cleanQuestion(context.liveQuestion) === '',
    answerIsEmpty: ({ event }) => event.type === 'ANSWER_SUBMITTED' && event.text.trim() === '',
    limitsReached: ({ context }) => limitsReached({ mainQuestionsAsked: questionCounts(context.transcript).mainQuestions, startedAt: context.startedAt, now: now(), settings: context.settings }) !== null,
    failedInAnalysis: ({ context }) => context.error?.step === 'analysis',
    overtimeBegins: ({ context }) => limitStep(limitState(context, now())) === 'begin-overtime',
    timeToWrapUp: ({ context }) => limitStep(limitState(context, now())) === 'wrap-up',
    // A spoken take that has just fully landed after the limit: the candidate finished their sentence.
    timeToWrapUpAfterSpeech: ({ context, event }) =>
      event.type === 'ANSWERING_ALOUD' && limitStep(limitState(context, now(), event.busy), context.answeringAloud && !event.busy) === 'wrap-up',
    hasPlan: ({ context }) => context.plan !== null,
    canWithdraw: ({ context }, params: { state: 'asking' | 'concluding' }) => canWithdrawAnswer({ ...context, state: params.state }),
  },
  actions: {
    beginAnalysis: assign(({ context }) => ({ analysisAttempts: context.analysisAttempts + 1 })),
    noteAnalysisRetry: assign(({ context }) => ({ retrying: { attempt: context.analysisAttempts, delayMs: 0 } })),
    beginWithPlan: assign(({ context }) => ({ startedAt: now(), turn: newTurn(context, { kind: 'introduction' }, null) })),
    acceptPlan: assign(({ context, event }) => ({
      plan: (event as { output?: InterviewPlan }).output ?? null,
      startedAt: now(),
      analysisAttempts: 0,
      retrying: null,
      error: null,
      turn: newTurn(context, { kind: 'introduction' }, null),
    })),
    failAnalysis: assign(({ event }) => {
      const failure = describeFailure((event as { error?: unknown }).error);
      return { error: { step: 'analysis' as const, ...failure }, retrying: null };
    }),
    beginAttempt: assign(({ context }) => ({
      liveQuestion: '',
      turn: patchTurn(context, { attempts: (context.turn?.attempts ?? 0) + 1, requestSentAt: now(), firstTokenAt: null, lastTokenAt: null, decision: null }),
    })),
    restartTurnText: assign(({ context }) => ({
      liveQuestion: '',
      turn: patchTurn(context, { requestSentAt: now(), firstTokenAt: null, lastTokenAt: null, decision: null }),
    })),
    noteClientRetry: assign(({ context, event }) => {
      if (event.type !== 'TURN_RETRYING') return {};
      return { liveQuestion: '', retrying: { attempt: event.attempt, delayMs: event.delayMs }, turn: patchTurn(context, { firstTokenAt: null, lastTokenAt: null, decision: null }) };
    }),
    noteDecision: assign(({ context, event }) => {
      if (event.type !== 'TURN_DECISION') return {};
      const at = now();
      return { retrying: null, turn: patchTurn(context, { decision: event.decision, firstTokenAt: context.turn?.firstTokenAt ?? at }) };
    }),
    appendDelta: assign(({ context, event }) => {
      if (event.type !== 'TURN_DELTA') return {};
      const at = now();
      return { liveQuestion: context.liveQuestion + event.text, retrying: null, turn: patchTurn(context, { firstTokenAt: context.turn?.firstTokenAt ?? at, lastTokenAt: at }) };
    }),
    noteTurnRetry: assign(({ context }) => ({ retrying: { attempt: context.turn?.attempts ?? 1, delayMs: 0 }, liveQuestion: '' })),
    failTurn: assign(({ event }) => {
      const failure = event.type === 'TURN_FAILED' ? { message: event.message, retryable: event.retryable } : { message: 'The turn failed.', retryable: true };
      return { error: { step: 'turn' as const, ...failure }, retrying: null, liveQuestion: '' };
    }),
    failEmptyTurn: raise({ type: 'TURN_FAILED', message: 'The interviewer sent back an empty reply. Try again.', retryable: true }),
    commitTurn: assign(({ context }) => committedTurn(context, cleanQuestion(context.liveQuestion), now())),
    commitFallbackClosing: assign(({ context }) => committedTurn(context, FALLBACK_CLOSING, now())),
    saveDraft: assign(({ event }) => (event.type === 'ANSWER_DRAFTED' ? { draftAnswer: event.text } : {})),
    noteAloud: assign(({ event }) => (event.type === 'ANSWERING_ALOUD' ? { answeringAloud: event.busy, ...(event.listening ? { draftListening: event.listening } : {}) } : {})),
    beginOvertime: assign({ overtimeSince: () => now() }),
    // The time is up: what the candidate said or typed so far is their answer.
    commitDraftAtLimit: assign(({ context }) => {
      const text = context.draftAnswer.trim();
      if (text === '') return {};
      const entry: TranscriptEntry = { id: entryId(context, context.transcript.length), role: 'candidate', text, at: now(), ...(context.draftListening ? { listening: context.draftListening } : {}) };
      return { transcript: append(context.transcript, entry), draftAnswer: '', draftListening: null };
    }),
    prepareClosingAtTimeLimit: assign(({ context }) => ({ turn: closingTurn(context, 'time-limit', now()), liveQuestion: '' })),
    commitAnswer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER_SUBMITTED') return {};
      const index = context.transcript.length;
      const entry: TranscriptEntry = { id: entryId(context, index), role: 'candidate', text: event.text.trim(), at: now(), ...(event.listening ? { listening: event.listening } : {}) };
      return { transcript: append(context.transcript, entry), draftAnswer: '', draftListening: null };
    }),
    // The answer goes back into the box as it was sent (with its spoken timing); the call in flight is stopped on exit.
    withdrawAnswer: assign(({ context }) => {
      const last = context.transcript.at(-1);
      if (last?.role !== 'candidate') return {};
      return { transcript: context.transcript.slice(0, -1), draftAnswer: last.text, draftListening: last.listening ?? null, turn: null, liveQuestion: '', retrying: null };
    }),
    prepareQuestion: assign(({ context }) => ({ turn: newTurn(context, planQuestion(context, topicIds(context)), now()) })),
    prepareClosingAtLimit: assign(({ context }) => {
      const reason = limitsReached({ mainQuestionsAsked: questionCounts(context.transcript).mainQuestions, startedAt: context.startedAt, now: now(), settings: context.settings }) ?? 'question-limit';
      return { turn: closingTurn(context, reason, now()), liveQuestion: '' };
    }),
    prepareClosingOnRequest: assign(({ context }) => ({ turn: closingTurn(context, 'ended', null), liveQuestion: '', error: null, retrying: null })),
    recordSpeech: assign(({ context, event }) => {
      if (event.type !== 'SPEECH_MEASURED') return {};
      return { speechTimings: [...context.speechTimings.filter((timing) => timing.questionId !== event.timing.questionId), event.timing] };
    }),
    resetAnalysis: assign({ analysisAttempts: 0, error: null }),
    resetTurnAttempts: assign(({ context }) => ({ error: null, turn: patchTurn(context, { attempts: 0 }) })),
  },
}).createMachine({
  id: 'interview',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  // Warning: a final state takes no events, so the closing's timing is kept only as far as it was measured before the end.
  on: { SPEECH_MEASURED: { actions: 'recordSpeech' }, ANSWERING_ALOUD: { actions: 'noteAloud' } },
  states: {
    idle: {
      // A plan made before the start (shown on the setup screen) skips the analysis.
      on: { START: [{ guard: 'hasPlan', target: 'asking', actions: 'beginWithPlan' }, { target: 'analyzing' }] },
    },
    analyzing: {
      entry: 'beginAnalysis',
      invoke: {
        id: 'analysis',
        src: 'analyzeDocuments',
        input: ({ context }) => ({ documents: context.documents, settings: context.settings, profile: context.profile }),
        onDone: { target: 'asking', actions: 'acceptPlan' },
        onError: [
          { guard: 'canRetryAnalysis', target: 'analyzing', reenter: true, actions: 'noteAnalysisRetry' },
          { target: 'failed', actions: 'failAnalysis' },
        ],
      },
    },
    asking: {
      entry: 'beginAttempt',
      invoke: { id: 'turn', src: 'streamTurn', input: ({ context }) => turnInputFor(context, now()) },
      on: {
        ...turnEvents,
        TURN_DONE: [{ guard: 'questionIsEmpty', actions: 'failEmptyTurn' }, { target: 'awaitingAnswer', actions: 'commitTurn' }],
        TURN_FAILED: [
          { guard: 'canRetryTurn', target: 'asking', reenter: true, actions: 'noteTurnRetry' },
          { target: 'failed', actions: 'failTurn' },
        ],
        ANSWER_DRAFTED: { actions: 'saveDraft' },
        ANSWER_WITHDRAWN: { guard: { type: 'canWithdraw', params: { state: 'asking' } }, target: 'awaitingAnswer', actions: 'withdrawAnswer' },
        END_REQUESTED: { target: 'concluding', actions: 'prepareClosingOnRequest' },
      },
    },
    awaitingAnswer: {
      invoke: { id: 'clock', src: 'clock' },
      on: {
        TICK: [
          { guard: 'timeToWrapUp', target: 'concluding', actions: ['commitDraftAtLimit', 'prepareClosingAtTimeLimit'] },
          { guard: 'overtimeBegins', actions: 'beginOvertime' },
        ],
        ANSWERING_ALOUD: [
          { guard: 'timeToWrapUpAfterSpeech', target: 'concluding', actions: ['noteAloud', 'commitDraftAtLimit', 'prepareClosingAtTimeLimit'] },
          { actions: 'noteAloud' },
        ],
        ANSWER_DRAFTED: { actions: 'saveDraft' },
        ANSWER_SUBMITTED: [
          { guard: 'answerIsEmpty' },
          { guard: 'limitsReached', target: 'concluding', actions: ['commitAnswer', 'prepareClosingAtLimit'] },
          { target: 'asking', actions: ['commitAnswer', 'prepareQuestion'] },
        ],
        END_REQUESTED: { target: 'concluding', actions: 'prepareClosingOnRequest' },
      },
    },
    concluding: {
      entry: 'beginAttempt',
      invoke: { id: 'turn', src: 'streamTurn', input: ({ context }) => turnInputFor(context, now()) },
      on: {
        ...turnEvents,
        TURN_DONE: [{ guard: 'questionIsEmpty', actions: 'failEmptyTurn' }, { target: 'concluded', actions: 'commitTurn' }],
        // Warning: the candidate is done either way, so a closing that cannot be produced ends with the app's own words.
        TURN_FAILED: [
          { guard: 'canRetryTurn', target: 'concluding', reenter: true, actions: 'noteTurnRetry' },
          { target: 'concluded', actions: 'commitFallbackClosing' },
        ],
        ANSWER_WITHDRAWN: { guard: { type: 'canWithdraw', params: { state: 'concluding' } }, target: 'awaitingAnswer', actions: 'withdrawAnswer' },
      },
    },
    concluded: {
      type: 'final',
    },
    failed: {
      on: {
        RETRY: [
          { guard: 'failedInAnalysis', target: 'analyzing', actions: 'resetAnalysis' },
          { target: 'asking', actions: 'resetTurnAttempts' },
        ],
        END_REQUESTED: { guard: 'hasPlan', target: 'concluding', actions: 'prepareClosingOnRequest' },
      },
    },
  },
});
