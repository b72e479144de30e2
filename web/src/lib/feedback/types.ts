// The report's judged vocabulary: the rubric and its version, evidence (the candidate's own words, checked by code),
// each answer's judgement, the requirements' outcomes, rewrites, the practice plan, and how each section stands.
// Everything here is plain JSON: it is what IndexedDB stores and the JSON export carries.

/** The rubric's version, stored with every report: scores are only compared across reports of the same version. */
export const RUBRIC_VERSION = 1;

/** One dimension of the per-answer rubric. */
export type RubricDimension = 'relevance' | 'specificity' | 'structure' | 'ownership' | 'impact' | 'technicalDepth';

/** The rubric in the order it is shown, with what each dimension asks of an answer. */
export const RUBRIC: readonly { id: RubricDimension; label: string; asks: string }[] = [
  { id: 'relevance', label: 'Relevance', asks: 'answers the question that was asked' },
  { id: 'specificity', label: 'Specifics and evidence', asks: 'concrete examples, names, numbers, not generalities' },
  { id: 'structure', label: 'Structure', asks: 'easy to follow; for a question about a past situation: situation, task, action, result' },
  { id: 'ownership', label: 'Ownership', asks: "the candidate's own part is clear (I, not only we)" },
  { id: 'impact', label: 'Impact and results', asks: 'what changed because of it, ideally measured' },
  { id: 'technicalDepth', label: 'Technical depth', asks: 'how and why it works, trade-offs (technical topics only)' },
];

/** Every dimension id, in order. */
export const DIMENSIONS: readonly RubricDimension[] = RUBRIC.map((entry) => entry.id);

/** The candidate's own words, found by code in the answer named: shown as they are in the transcript. */
export interface Evidence {
  /** The candidate entry's transcript id. */
  answerId: string;
  /** The exact span of the answer's text (never the model's spelling of it). */
  quote: string;
}

/** One dimension's outcome for one answer. */
export type DimensionResult =
  | { dimension: RubricDimension; status: 'scored'; score: number; reason: string; evidence: Evidence }
  /** The model gave no quote that code could find in the answer: no number is shown. */
  | { dimension: RubricDimension; status: 'no-evidence' }
  /** Technical depth on a topic that is not technical. */
  | { dimension: RubricDimension; status: 'not-applicable' };

/** The four parts of a STAR answer. */
export type StarPart = 'situation' | 'task' | 'action' | 'result';

/** Every STAR part, in order. */
export const STAR_PARTS: readonly StarPart[] = ['situation', 'task', 'action', 'result'];

/** Which STAR parts a behavioural answer has, each backed by a verified quote (null: missing). */
export type StarCheck = Record<StarPart, Evidence | null>;

/** A strength or an improvement, pointing at the candidate's words. */
export interface Point {
  text: string;
  evidence: Evidence;
}

/** What an answer showed of one job requirement. */
export type RequirementStatus = 'demonstrated' | 'mentioned' | 'not-reached';

/** A requirement an answer touched, with the words that show it. */
export interface RequirementClaim {
  requirementId: string;
  status: Exclude<RequirementStatus, 'not-reached'>;
  evidence: Evidence;
}

/** Why an answer is too thin to judge: nothing, too few words, or no recognisable sentences. */
export type ThinReason = 'empty' | 'short' | 'unclear';

/** One answer judged, every quote verified, the evidence rules applied. */
export interface AnswerJudgement {
  answerId: string;
  /** Null for an answer with enough to judge. */
  thin: ThinReason | null;
  dimensions: DimensionResult[];
  /** Null when the question was not about a past situation. */
  star: StarCheck | null;
  strengths: Point[];
  improvements: Point[];
  requirements: RequirementClaim[];
  /** How many quotes the model gave that were not in the answer, and were dropped. */
  droppedQuotes: number;
}

/** The candidate's answer rewritten better, or left out when it added facts the candidate never gave. */
export interface Rewrite {
  answerId: string;
  /** Null when the rewrite was left out. */
  text: string | null;
  /** Short notes on what was changed and why. */
  changes: string[];
  /** Numbers and names the last rewrite tried added (why it was left out). */
  unsupported: string[];
}

/** One practice drill. */
export interface Drill {
  title: string;
  why: string;
  how: string;
  /** Where in the interview it comes from; null when the model's quote could not be found. */
  evidence: Evidence | null;
}

/** Three drills to practise next. */
export interface PracticePlan {
  drills: Drill[];
}

/** How one judged section stands. `running` is never stored as such: a reload makes it pending again. */
export type SectionState<T> =
  | { status: 'pending' }
  | { status: 'running' }
  /** The model or the network failed in a way that may pass: tried again when the network is back, or later. */
  | { status: 'waiting'; message: string }
  | { status: 'done'; value: T }
  /** Asked again as often as allowed and still unusable: the section says so and offers a retry. */
  | { status: 'unavailable'; message: string };

/** The judged part of one interview's report, as stored (keyed by interview id). */
export interface ReportRecord {
  interviewId: string;
  rubricVersion: number;
  /** The model reference the judgements were asked of. */
  model: string;
  createdAt: number;
  updatedAt: number;
  /** By the candidate entry's id. */
  answers: Record<string, SectionState<AnswerJudgement>>;
  /** By the candidate entry's id; only the weakest answers get one. */
  rewrites: Record<string, SectionState<Rewrite>>;
  practice: SectionState<PracticePlan>;
}
