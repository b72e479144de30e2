// The interview capability's public face: the machine, its real actors, what the UI reads from it, and the vocabulary.
// The seed's HTTP API, mapped onto the machine (no server round trip but the LLM call itself):
//   POST /upload-documents   → the machine's input { id, documents, settings, profile, plan? } (from the setup screen; a plan made there skips the analysis)
//   POST /start-interview    → START (analysis, then the introduction streams: read it with selectCurrentQuestion)
//   POST /stream-answer      → ANSWER_SUBMITTED { text }; the next question streams into selectCurrentQuestion
//   POST /submit-answer      → ANSWER_SUBMITTED { text } as well (the legacy non-streamed route has no separate event)
//   GET  /interview-status   → selectStatus(snapshot)
// Also: ANSWER_DRAFTED keeps the answer being spoken or typed, END_REQUESTED closes early, RETRY resumes after a failure.
// Persist with actor.getPersistedSnapshot() (plain JSON); resume with createActor(machine.provide(...), { snapshot, input }).
export { createInterviewActors, makePlan, runTurn, type LlmCallOptions, type LlmFunctions } from './actors.ts';
export { AnalysisError, parseAnalysis, type AnalysisErrorKind } from './analysis.ts';
export {
  initialContext,
  interviewMachine,
  turnInputFor,
  type InterviewContext,
  type InterviewError,
  type InterviewInput,
  type InterviewMachineEvent,
  type PendingTurn,
  CLOCK_TICK_MS,
} from './machine.ts';
export { cleanQuestion, createTurnParser, parseTurn, type TurnParseEvent, type TurnParser } from './parse-turn.ts';
export { CONTEXT_MESSAGE_LIMIT, MAX_ANALYSIS_ATTEMPTS, MAX_TURN_ATTEMPTS, limitsReached, type TurnPlan } from './policy.ts';
export { FALLBACK_CLOSING } from './prompts.ts';
export { probeGrounding, type ProbeGrounding } from './grounding.ts';
export { guessLevel, INTERVIEW_TYPE_LABELS, LEVEL_LABELS } from './level.ts';
export { isInterviewLevel, isInterviewType, legacyPlanOf, MAX_TOPICS, normalisePlan, type TopicBrief } from './plan.ts';
export { addTopic, canAddTopic, moveTopic, removeTopic, renameTopic, settledPlan, settleTopicName } from './plan-edit.ts';
export { upgradeInterviewSnapshot } from './snapshot-upgrade.ts';
export {
  selectCurrentQuestion,
  selectDraftAnswer,
  selectPhase,
  selectPlan,
  selectQuestionCount,
  selectQuestionMarks,
  selectSpeechTimings,
  selectStatus,
  selectTimeLimit,
  selectTimings,
  selectTopic,
  selectTranscript,
  type CurrentQuestion,
  type InterviewPhase,
  type InterviewSnapshot,
  type InterviewStatus,
  type QuestionMarks,
  type TimeLimitView,
} from './selectors.ts';
export { FINISH_GRACE_MS, WARNING_BEFORE_MS, type TimeStage } from './time-limit.ts';
export type { AnalysisInput, ClosingReason, TurnEvent, TurnInput } from './turn.ts';
export {
  DEFAULT_PROFILE,
  DEFAULT_SETTINGS,
  INTERVIEW_LEVELS,
  INTERVIEW_TYPES,
  type InterviewDocuments,
  type InterviewEvent,
  type InterviewLevel,
  type InterviewPlan,
  type InterviewProfile,
  type InterviewSettings,
  type InterviewType,
  type PlanRequirement,
  type PlanTopic,
  type ListeningTiming,
  type QuestionKind,
  type SpeechPieceTiming,
  type SpeechTiming,
  type TranscriptEntry,
  type TurnDecision,
  type TurnTiming,
} from './types.ts';
