// The shapes the report asks the model for: each as an OpenAPI-style response schema (JSON mode, translated by each
// provider) and as the valibot schema every answer is validated with. Property order puts each reason before its score.
import * as v from 'valibot';

/** The largest score of the rubric. */
export const MAX_SCORE = 5;

const scoreSchema = { type: 'INTEGER', minimum: 1, maximum: MAX_SCORE };
const dimensionSchema = {
  type: 'OBJECT',
  properties: { reason: { type: 'STRING' }, quote: { type: 'STRING' }, score: scoreSchema },
  required: ['reason', 'quote', 'score'],
  propertyOrdering: ['reason', 'quote', 'score'],
};
const quotedPoint = {
  type: 'OBJECT',
  properties: { point: { type: 'STRING' }, quote: { type: 'STRING' } },
  required: ['point', 'quote'],
  propertyOrdering: ['point', 'quote'],
};

/** The response schema of one answer's judgement. */
export const JUDGEMENT_SCHEMA: Record<string, unknown> = {
  type: 'OBJECT',
  properties: {
    turn: { type: 'STRING' },
    relevance: dimensionSchema,
    specificity: dimensionSchema,
    structure: dimensionSchema,
    ownership: dimensionSchema,
    impact: dimensionSchema,
    technicalDepth: {
      type: 'OBJECT',
      properties: { applies: { type: 'BOOLEAN' }, reason: { type: 'STRING' }, quote: { type: 'STRING' }, score: scoreSchema },
      required: ['applies', 'reason', 'quote', 'score'],
      propertyOrdering: ['applies', 'reason', 'quote', 'score'],
    },
    star: {
      type: 'OBJECT',
      properties: { applies: { type: 'BOOLEAN' }, situation: { type: 'STRING' }, task: { type: 'STRING' }, action: { type: 'STRING' }, result: { type: 'STRING' } },
      required: ['applies', 'situation', 'task', 'action', 'result'],
      propertyOrdering: ['applies', 'situation', 'task', 'action', 'result'],
    },
    strengths: { type: 'ARRAY', items: quotedPoint, maxItems: 2 },
    improvements: { type: 'ARRAY', items: quotedPoint, maxItems: 2 },
    requirements: {
      type: 'ARRAY',
      items: {
        type: 'OBJECT',
        properties: { requirement: { type: 'INTEGER' }, status: { type: 'STRING', enum: ['demonstrated', 'mentioned'] }, quote: { type: 'STRING' } },
        required: ['requirement', 'status', 'quote'],
        propertyOrdering: ['requirement', 'status', 'quote'],
      },
    },
  },
  required: ['turn', 'relevance', 'specificity', 'structure', 'ownership', 'impact', 'technicalDepth', 'star', 'strengths', 'improvements', 'requirements'],
  propertyOrdering: ['turn', 'relevance', 'specificity', 'structure', 'ownership', 'impact', 'technicalDepth', 'star', 'strengths', 'improvements', 'requirements'],
};

/** The response schema of a rewrite. */
export const REWRITE_SCHEMA: Record<string, unknown> = {
  type: 'OBJECT',
  properties: { rewrite: { type: 'STRING' }, changes: { type: 'ARRAY', items: { type: 'STRING' }, maxItems: 3 } },
  required: ['rewrite', 'changes'],
  propertyOrdering: ['changes', 'rewrite'],
};

/** The response schema of the practice plan. */
export const PRACTICE_SCHEMA: Record<string, unknown> = {
  type: 'OBJECT',
  properties: {
    drills: {
      type: 'ARRAY',
      minItems: 3,
      maxItems: 3,
      items: {
        type: 'OBJECT',
        properties: { title: { type: 'STRING' }, why: { type: 'STRING' }, how: { type: 'STRING' }, turn: { type: 'STRING' }, quote: { type: 'STRING' } },
        required: ['title', 'why', 'how', 'turn', 'quote'],
        propertyOrdering: ['turn', 'quote', 'why', 'title', 'how'],
      },
    },
  },
  required: ['drills'],
};

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max));
const score = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SCORE));
const Dimension = v.object({ reason: text(600), quote: text(400), score });
const QuotedPoint = v.object({ point: v.pipe(text(300), v.minLength(1)), quote: text(400) });

/** One answer's judgement as the model must return it. */
export const JudgementReply = v.object({
  turn: text(10),
  relevance: Dimension,
  specificity: Dimension,
  structure: Dimension,
  ownership: Dimension,
  impact: Dimension,
  technicalDepth: v.object({ applies: v.boolean(), reason: text(600), quote: text(400), score }),
  star: v.object({ applies: v.boolean(), situation: text(400), task: text(400), action: text(400), result: text(400) }),
  strengths: v.pipe(v.array(QuotedPoint), v.maxLength(2)),
  improvements: v.pipe(v.array(QuotedPoint), v.maxLength(2)),
  requirements: v.pipe(
    v.array(v.object({ requirement: v.pipe(v.number(), v.integer()), status: v.picklist(['demonstrated', 'mentioned']), quote: text(400) })),
    v.maxLength(20),
  ),
});

/** A judgement reply that passed validation. */
export type JudgementReply = v.InferOutput<typeof JudgementReply>;

/** A rewrite as the model must return it. */
export const RewriteReply = v.object({ rewrite: v.pipe(text(3000), v.minLength(1)), changes: v.pipe(v.array(text(300)), v.maxLength(3)) });

/** A rewrite reply that passed validation. */
export type RewriteReply = v.InferOutput<typeof RewriteReply>;

/** The practice plan as the model must return it: exactly three drills. */
export const PracticeReply = v.object({
  drills: v.pipe(
    v.array(v.object({ title: v.pipe(text(120), v.minLength(1)), why: v.pipe(text(400), v.minLength(1)), how: v.pipe(text(600), v.minLength(1)), turn: text(10), quote: text(400) })),
    v.length(3, 'three drills'),
  ),
});

/** A practice reply that passed validation. */
export type PracticeReply = v.InferOutput<typeof PracticeReply>;

/** Why a reply was refused: not JSON, or not the shape asked for. Asking again may give a usable one. */
export class UnusableReply extends Error {
  override readonly name = 'UnusableReply';
}

/** Parses and validates a JSON reply (a code fence some models add is tolerated); throws UnusableReply. */
export function parseReply<TSchema extends v.GenericSchema>(schema: TSchema, text: string): v.InferOutput<TSchema> {
  let json: unknown;
  try {
    json = JSON.parse(/^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(text)?.[1] ?? text);
  } catch (error) {
    throw new UnusableReply(`The reply is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    throw new UnusableReply(`The reply does not have the expected shape (${result.issues.map((issue) => `${v.getDotPath(issue) ?? 'reply'}: ${issue.message}`).join('; ')}).`);
  }
  return result.output;
}
