// The request shape the fake Gemini accepts (the subset of GenerateContentRequest xquizit
// sends), as a valibot schema, and the Google-style message for a request that breaks it.
import * as v from 'valibot';

const TextPart = v.looseObject({ text: v.string(), thought: v.optional(v.boolean()) });

const Content = v.object({
  role: v.optional(v.picklist(['user', 'model'])),
  parts: v.pipe(v.array(TextPart), v.minLength(1, 'parts must not be empty')),
});

const ThinkingConfig = v.pipe(
  v.strictObject({
    thinkingBudget: v.optional(v.pipe(v.number(), v.integer())),
    thinkingLevel: v.optional(v.picklist(['minimal', 'low', 'medium', 'high', 'MINIMAL', 'LOW', 'MEDIUM', 'HIGH'])),
    includeThoughts: v.optional(v.boolean()),
  }),
  v.check(
    (config) => config.thinkingBudget === undefined || config.thinkingLevel === undefined,
    'thinkingBudget and thinkingLevel cannot be set together.',
  ),
);

const GenerationConfig = v.strictObject({
  temperature: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(2))),
  topP: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  topK: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  candidateCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  maxOutputTokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  stopSequences: v.optional(v.array(v.string())),
  seed: v.optional(v.pipe(v.number(), v.integer())),
  responseMimeType: v.optional(v.string()),
  responseSchema: v.optional(v.record(v.string(), v.unknown())),
  responseJsonSchema: v.optional(v.record(v.string(), v.unknown())),
  thinkingConfig: v.optional(ThinkingConfig),
});

/** The GenerateContentRequest fields the fake understands; unknown fields are rejected, as Google does. */
export const GeminiRequestSchema = v.strictObject({
  contents: v.pipe(
    v.array(Content),
    v.minLength(1, 'contents is not specified'),
    v.check((contents) => (contents[0]?.role ?? 'user') === 'user', "First content should be with role 'user', got model"),
  ),
  systemInstruction: v.optional(
    v.object({
      role: v.optional(v.string()),
      parts: v.pipe(v.array(TextPart), v.minLength(1, 'parts must not be empty')),
    }),
  ),
  generationConfig: v.optional(GenerationConfig),
  safetySettings: v.optional(v.array(v.object({ category: v.string(), threshold: v.string() }))),
});

/** A request body that passed validation. */
export type GeminiRequest = v.InferOutput<typeof GeminiRequestSchema>;

/** Validates a parsed body (snake_case or camelCase fields, as Google accepts both). */
export function checkGeminiRequest(body: unknown): { ok: true; request: GeminiRequest } | { ok: false; message: string } {
  const result = v.safeParse(GeminiRequestSchema, camelKeys(body));
  if (result.success) return { ok: true, request: result.output };
  const problems = result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    if (issue.type === 'strict_object' && issue.expected === 'never') {
      const parent = issue.path?.slice(0, -1).map((item) => String(item.key)).join('.') ?? '';
      return `Unknown name ${issue.received}${parent === '' ? '' : ` at '${parent}'`}: Cannot find field.`;
    }
    return path === null ? issue.message : `${path}: ${issue.message}`;
  });
  return { ok: false, message: `Invalid JSON payload received. ${problems.join('; ')}` };
}

/** Schema fields whose values hold user-chosen names, left untouched by camelKeys. */
const OPAQUE_FIELDS = new Set(['responseSchema', 'responseJsonSchema']);

/** Renames snake_case keys to camelCase, recursively, except inside opaque fields. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const name = key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
      return [name, OPAQUE_FIELDS.has(name) ? inner : camelKeys(inner)];
    }),
  );
}
