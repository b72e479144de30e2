// The trust boundary of the document analysis: the model's JSON becomes an InterviewPlan (requirements, topics
// with their why and probes), or an AnalysisError the caller retries. Pure; the call itself lives in actors.ts.
import * as v from 'valibot';
import { cleanRequirementTexts, MAX_ANALYSIS_TOPICS, MAX_REQUIREMENTS, normalisePlan } from './plan.ts';
import { DEFAULT_PROFILE, type InterviewPlan, type InterviewProfile, type PlanRequirement } from './types.ts';

/** Why an analysis answer was refused. */
export type AnalysisErrorKind = 'invalid-json' | 'invalid-shape';

/** The model's analysis was not usable; trying the call again may give a usable one. */
export class AnalysisError extends Error {
  override readonly name = 'AnalysisError';
  /** Always true: a fresh answer may be valid. */
  readonly retryable = true;
  /** What happened, in plain words for the candidate. */
  readonly userMessage = 'The interviewer could not make sense of its own plan for your documents. Try again.';

  /** Builds an error of `kind`; `message` says what was wrong, for developers. */
  constructor(
    readonly kind: AnalysisErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const TopicSchema = v.union([
  v.string(),
  v.looseObject({
    name: v.string(),
    why: v.optional(v.unknown()),
    // 1-based numbers of the requirements the topic covers, as the prompt asks.
    requirements: v.optional(v.unknown()),
    probes: v.optional(v.unknown()),
  }),
]);

const AnalysisSchema = v.object({
  strategy: v.pipe(v.string(), v.trim(), v.minLength(1, 'the strategy is empty')),
  requirements: v.optional(v.array(v.unknown()), []),
  topics: v.array(TopicSchema),
});

/**
 * Validates the analysis JSON text into a plan for `profile`: trims, drops list marks and duplicates, keeps 1 to 8
 * topics, only probes and requirements of sensible length, and only requirement numbers that exist.
 */
export function parseAnalysis(text: string, profile: InterviewProfile = DEFAULT_PROFILE): InterviewPlan {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(text));
  } catch (error) {
    throw new AnalysisError('invalid-json', `The analysis is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = v.safeParse(AnalysisSchema, json);
  if (!result.success) {
    const reason = result.issues.map((issue) => `${v.getDotPath(issue) ?? 'answer'}: ${issue.message}`).join('; ');
    throw new AnalysisError('invalid-shape', `The analysis does not have the expected shape (${reason}).`);
  }
  const { requirements, idOfNumber } = numberedRequirements(result.output.requirements);
  const topics = result.output.topics.map((topic) =>
    typeof topic === 'string'
      ? topic
      : {
          name: topic.name,
          why: topic.why,
          probes: topic.probes,
          requirementIds: Array.isArray(topic.requirements) ? topic.requirements.flatMap((n) => idOfNumber.get(Number(n)) ?? []) : [],
        },
  );
  const plan = normalisePlan({ strategy: result.output.strategy, ...profile, requirements, topics }, profile);
  if (plan === null) throw new AnalysisError('invalid-shape', 'The analysis names no topic.');
  return { ...plan, topics: plan.topics.slice(0, MAX_ANALYSIS_TOPICS) };
}

/** The requirement phrases with ids `r1`…, and each 1-based number the model may use mapped to the id it ended up with. */
function numberedRequirements(raw: readonly unknown[]): { requirements: PlanRequirement[]; idOfNumber: Map<number, string> } {
  const requirements: PlanRequirement[] = [];
  const idOfNumber = new Map<number, string>();
  const idOfText = new Map<string, string>();
  for (const [index, item] of raw.entries()) {
    const text = cleanRequirementTexts([item])[0];
    if (text === undefined) continue;
    const key = text.toLowerCase();
    let id = idOfText.get(key);
    if (id === undefined) {
      if (requirements.length === MAX_REQUIREMENTS) continue;
      id = `r${String(requirements.length + 1)}`;
      idOfText.set(key, id);
      requirements.push({ id, text });
    }
    idOfNumber.set(index + 1, id);
  }
  return { requirements, idOfNumber };
}

/** JSON mode should not fence its answer, but some models still do. */
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}
