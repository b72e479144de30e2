// The trust boundary of the document analysis: the model's JSON becomes an InterviewPlan, or an AnalysisError
// the machine retries. Pure; the call itself lives in actors.ts.
import * as v from 'valibot';
import type { InterviewPlan } from './types.ts';

/** The most topics a plan keeps (the prompt asks for 3 to 8). */
export const MAX_TOPICS = 8;

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

const AnalysisSchema = v.object({
  strategy: v.pipe(v.string(), v.trim(), v.minLength(1, 'the strategy is empty')),
  topics: v.array(v.string()),
});

/** Validates the analysis JSON text: trims, drops list marks and duplicates, keeps at least 1 and at most 8 topics. */
export function parseAnalysis(text: string): InterviewPlan {
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
  const topics = cleanTopics(result.output.topics);
  if (topics.length === 0) throw new AnalysisError('invalid-shape', 'The analysis names no topic.');
  return { strategy: result.output.strategy, topics };
}

/** Trims topic names, removes list marks and markdown, drops empty ones and case-insensitive duplicates. */
export function cleanTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const raw of topics) {
    const topic = raw
      .replace(/[*_`#]/g, '')
      .replace(/^\s*(?:[-•]|\d+[.)])\s+/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const key = topic.toLowerCase();
    if (topic === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(topic);
    if (kept.length === MAX_TOPICS) break;
  }
  return kept;
}

/** JSON mode should not fence its answer, but some models still do. */
function stripCodeFence(text: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text);
  return fenced?.[1] ?? text;
}
