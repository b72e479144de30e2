// The turns `pnpm bench:plan` compares: each turn's input made by the app's own machine, its request built by the
// prompt builders as they were before (strategy and topic names only) and as they are now.
import { initialContext, turnInputFor, type InterviewContext } from '../../src/lib/interview/machine.ts';
import { requestForTurn } from '../../src/lib/interview/prompts.ts';
import { previousRequestForTurn } from './previous-prompts.ts';
import type { TurnPlan } from '../../src/lib/interview/policy.ts';
import { DEFAULT_SETTINGS, type InterviewDocuments, type InterviewPlan, type TranscriptEntry } from '../../src/lib/interview/types.ts';
import type { LlmRequest } from '../../src/lib/llm/index.ts';

/** One turn, with the request before and after. */
export interface BenchScenario {
  turn: string;
  plan: string;
  old: LlmRequest;
  current: LlmRequest;
}

// Six messages of a typical interview in progress: what every turn carries as context.
const RECENT: readonly [string, string][] = [
  ['interviewer', 'Thanks for joining me today. To start, could you walk me through your background and what drew you to this role?'],
  ['candidate', 'I have spent fifteen years in infrastructure, most recently as the founding SRE at a fintech, where I built the AWS platform from scratch.'],
  ['interviewer', 'You designed Terraform modules across dozens of AWS accounts. What made you standardise on modules, and what did it cost?'],
  ['candidate', 'Every team had copied and pasted its own VPC code. I wrote versioned modules, and over ninety percent of our resources ended up managed through them.'],
  ['interviewer', 'How did you get the teams to move onto the modules rather than keep their own code?'],
  ['candidate', 'I paired with each team for their first migration and made the modules the only path through code review.'],
];

const TURNS: readonly { turn: string; plan: TurnPlan }[] = [
  { turn: 'introduction', plan: { kind: 'introduction' } },
  { turn: 'follow-up offered (current and next topic)', plan: { kind: 'question', currentTopicIndex: 0, nextTopicIndex: 1, followUpAllowed: true } },
  { turn: 'move on (next topic only)', plan: { kind: 'question', currentTopicIndex: 0, nextTopicIndex: 1, followUpAllowed: false } },
];

/** Every turn for every named plan, before and now. */
export function benchScenarios(documents: InterviewDocuments, plans: Record<string, InterviewPlan>): BenchScenario[] {
  return Object.entries(plans).flatMap(([name, plan]) =>
    TURNS.map(({ turn, plan: turnPlan }) => {
      const input = turnInputFor(contextFor(documents, plan, turnPlan), 7 * 60_000);
      return { turn, plan: name, old: previousRequestForTurn(input), current: requestForTurn(input) };
    }),
  );
}

/** Everything the model reads: the system instruction and the user turn. */
export function promptText(request: LlmRequest): string {
  return [request.system ?? '', ...request.contents.map((turn) => turn.text)].join('\n');
}

function contextFor(documents: InterviewDocuments, plan: InterviewPlan, turnPlan: TurnPlan): InterviewContext {
  const base = initialContext({ id: 'bench', documents, settings: DEFAULT_SETTINGS, plan });
  const transcript: TranscriptEntry[] = RECENT.map(([role, text], index) =>
    role === 'interviewer'
      ? { id: `bench-${String(index)}`, role, kind: index === 0 ? 'introduction' : 'new-topic', text, topic: null, topicId: null, at: index }
      : { id: `bench-${String(index)}`, role: 'candidate', text, at: index },
  );
  return {
    ...base,
    transcript: turnPlan.kind === 'introduction' ? [] : transcript,
    questionsAsked: turnPlan.kind === 'introduction' ? 0 : 3,
    currentTopicIndex: turnPlan.kind === 'question' ? turnPlan.currentTopicIndex : null,
    startedAt: 0,
    turn: { questionId: 'bench-q', plan: turnPlan, answerSubmittedAt: 0, requestSentAt: null, firstTokenAt: null, lastTokenAt: null, attempts: 0, decision: null },
  };
}
