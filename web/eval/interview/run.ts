// One simulated interview of `pnpm eval:interview`: the app's own machine, actors and prompts play the interviewer
// against a simulated candidate, then the grader checks every interviewer turn. The model calls are passed in, so
// the same code runs against the real model (through the proxy) and, in its test, against scripted fakes.
import { createActor, type SnapshotFrom } from 'xstate';
import { createInterviewActors, interviewMachine, legacyPlanOf, type InterviewDocuments, type InterviewPlan, type InterviewSettings, type LlmCallOptions, type LlmFunctions } from '../../src/lib/interview/index.ts';
import { parseGrade, verdictsFor, type TurnVerdicts } from './criteria.ts';
import { candidateRequest, graderRequest, type EvalMessage, type Persona } from './prompts.ts';

/** Which plan the interviewer is given: the whole plan, or only the strategy and topic names (as before). */
export type PlanVariant = 'plan' | 'names-only';

/** What a run needs: the model calls, how they reach the proxy, and the candidate's and grader's models. */
export interface EvalDeps {
  llm: LlmFunctions;
  options: LlmCallOptions;
  candidateModel: string;
  graderModel: string;
}

/** One graded interviewer turn (verdicts null when the grader never gave a usable grade). */
export interface GradedTurn {
  question: string;
  verdicts: TurnVerdicts | null;
}

/** One simulated interview and its graded turns. */
export interface InterviewRun {
  persona: Persona;
  variant: PlanVariant;
  turns: GradedTurn[];
}

/** How many times the grader is asked for one turn before the turn is left ungraded. */
export const GRADE_ATTEMPTS = 3;

type Snapshot = SnapshotFrom<typeof interviewMachine>;

/** Runs one interview to its closing with the simulated candidate, then grades each interviewer turn but the closing. */
export async function runInterview(
  documents: InterviewDocuments,
  plan: InterviewPlan,
  persona: Persona,
  variant: PlanVariant,
  settings: InterviewSettings,
  deps: EvalDeps,
): Promise<InterviewRun> {
  const machine = interviewMachine.provide({ actors: createInterviewActors(deps.llm, deps.options) });
  const actor = createActor(machine, { input: { id: `eval-${persona}-${variant}`, documents, settings, plan: variant === 'plan' ? plan : legacyPlanOf(plan) } });
  actor.start();
  actor.send({ type: 'START' });
  try {
    for (;;) {
      const snapshot = await settled(actor);
      if (snapshot.value === 'concluded') break;
      if (snapshot.value === 'failed') throw new Error(`The interview stopped: ${snapshot.context.error?.message ?? 'unknown failure'}`);
      const conversation = messagesOf(snapshot);
      const answer = await deps.llm.generate(candidateRequest(deps.candidateModel, persona, documents.resume, conversation), deps.options);
      actor.send({ type: 'ANSWER_SUBMITTED', text: answer.trim() || '(silence)' });
    }
    const transcript = actor.getSnapshot().context.transcript;
    const turns: GradedTurn[] = [];
    for (const [index, entry] of transcript.entries()) {
      if (entry.role !== 'interviewer' || entry.kind === 'closing') continue;
      const earlier = transcript.slice(0, index).map((message) => ({ role: message.role, text: message.text }));
      turns.push({ question: entry.text, verdicts: await grade(documents, earlier, entry.text, deps) });
    }
    return { persona, variant, turns };
  } finally {
    actor.stop();
  }
}

async function grade(documents: InterviewDocuments, earlier: readonly EvalMessage[], question: string, deps: EvalDeps): Promise<TurnVerdicts | null> {
  const asked = earlier.filter((message) => message.role === 'interviewer').map((message) => message.text);
  for (let attempt = 0; attempt < GRADE_ATTEMPTS; attempt++) {
    const text = await deps.llm.generate(graderRequest(deps.graderModel, documents, earlier, question), deps.options);
    const parsed = parseGrade(text);
    if (parsed) return verdictsFor(question, asked, parsed);
  }
  return null;
}

/** Resolves with the first snapshot where the interview waits for the candidate, has ended, or has failed. */
function settled(actor: { getSnapshot(): Snapshot; subscribe(listener: (snapshot: Snapshot) => void): { unsubscribe(): void } }): Promise<Snapshot> {
  const done = (snapshot: Snapshot) => snapshot.value === 'awaitingAnswer' || snapshot.value === 'concluded' || snapshot.value === 'failed';
  const now = actor.getSnapshot();
  if (done(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const subscription = actor.subscribe((snapshot) => {
      if (!done(snapshot)) return;
      subscription.unsubscribe();
      resolve(snapshot);
    });
  });
}

function messagesOf(snapshot: Snapshot): EvalMessage[] {
  return snapshot.context.transcript.map((entry) => ({ role: entry.role, text: entry.text }));
}
