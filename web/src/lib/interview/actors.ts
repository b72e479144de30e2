// The real actors of the interview machine, over the LLM client: the analysis as one JSON call,
// each turn as one stream read through the turn parser. Thin: prompts, parsing and validation live elsewhere.
import { fromCallback, fromPromise, type EventObject } from 'xstate';
import type { GenerateOptions, LlmClient } from '../llm/index.ts';
import { AnalysisError, parseAnalysis } from './analysis.ts';
import { MAX_ANALYSIS_ATTEMPTS } from './policy.ts';
import { describeFailure } from './failure.ts';
import { createTurnParser, type TurnParseEvent } from './parse-turn.ts';
import { analysisRequest, requestForTurn } from './prompts.ts';
import type { AnalysisInput, TurnEvent, TurnInput } from './turn.ts';
import type { InterviewPlan } from './types.ts';

/** How the actors reach the proxy (token, fetch, retry settings); signal and onRetry are the actors' own. */
export type LlmCallOptions = Omit<GenerateOptions, 'signal' | 'onRetry'>;

/** The two LLM calls the actors make: the app shell's client, whichever provider runs (tests pass fakes). */
export type LlmFunctions = Pick<LlmClient, 'generate' | 'streamGenerate'>;

/** The actors to give the machine: `interviewMachine.provide({ actors: createInterviewActors(llm, ...) })`. */
export function createInterviewActors(llm: LlmFunctions, options: LlmCallOptions = {}) {
  return {
    // An invalid answer throws AnalysisError (retryable): the machine asks again, at most twice.
    analyzeDocuments: fromPromise<InterviewPlan, AnalysisInput>(({ input, signal }) => analyseOnce(input, signal, llm, options)),
    streamTurn: fromCallback<EventObject, TurnInput>(({ input, sendBack }) => {
      const controller = new AbortController();
      void runTurn(input, (event) => sendBack(event), controller.signal, llm, options);
      return () => controller.abort();
    }),
  };
}

/** One analysis call, its answer validated into a plan; throws AnalysisError (retryable) for an unusable answer. */
export async function analyseOnce(input: AnalysisInput, signal: AbortSignal, llm: Pick<LlmFunctions, 'generate'>, options: LlmCallOptions = {}): Promise<InterviewPlan> {
  const text = await llm.generate(analysisRequest(input.documents, input.settings, input.profile), { ...options, signal });
  return parseAnalysis(text, input.profile);
}

/**
 * The analysis outside the machine (the setup screen makes the plan before the start): asks again after an unusable
 * answer, as the machine does, up to MAX_ANALYSIS_ATTEMPTS tries; other failures are thrown at once.
 */
export async function makePlan(input: AnalysisInput, signal: AbortSignal, llm: Pick<LlmFunctions, 'generate'>, options: LlmCallOptions = {}): Promise<InterviewPlan> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await analyseOnce(input, signal, llm, options);
    } catch (error) {
      if (!(error instanceof AnalysisError) || attempt >= MAX_ANALYSIS_ATTEMPTS || signal.aborted) throw error;
    }
  }
}

/**
 * Streams one turn and reports it as TurnEvents: TURN_STARTED, the decision, text deltas, then TURN_DONE or
 * TURN_FAILED. Never throws; after `signal` aborts it reports nothing more.
 */
export async function runTurn(
  input: TurnInput,
  send: (event: TurnEvent) => void,
  signal: AbortSignal,
  llm: Pick<LlmFunctions, 'streamGenerate'>,
  options: LlmCallOptions = {},
): Promise<void> {
  const report = (event: TurnEvent) => {
    if (!signal.aborted) send(event);
  };
  let parser = createTurnParser();
  const forward = (events: TurnParseEvent[]) => {
    for (const event of events) {
      report(event.type === 'decision' ? { type: 'TURN_DECISION', decision: event.decision } : { type: 'TURN_DELTA', text: event.text });
    }
  };
  report({ type: 'TURN_STARTED' });
  try {
    const stream = llm.streamGenerate(requestForTurn(input), {
      ...options,
      signal,
      onRetry: (info) => {
        // A retry voids what was streamed so far (a reply cut at its output limit is asked for again with more room).
        parser = createTurnParser();
        report({ type: 'TURN_RETRYING', attempt: info.attempt, delayMs: info.delayMs });
      },
    });
    for await (const delta of stream) forward(parser.push(delta));
    forward(parser.end());
    report({ type: 'TURN_DONE' });
  } catch (error) {
    if (signal.aborted) return;
    const failure = describeFailure(error);
    report({ type: 'TURN_FAILED', message: failure.message, retryable: failure.retryable });
  }
}
