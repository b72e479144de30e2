// Translates the app's JSON schemas (OpenAPI style, as Gemini's responseSchema takes them: `type: 'OBJECT'`) into the
// strict JSON Schema OpenAI-compatible servers take in `response_format: { type: 'json_schema' }`. Pure.

type Schema = Record<string, unknown>;

/** Keywords carried over unchanged; everything else (Gemini's propertyOrdering, examples) is left out. */
const KEPT = ['description', 'enum', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'title'] as const;

/**
 * The strict form of `schema`: lowercase types, `nullable` as a `null` type, every object closed
 * (`additionalProperties: false`) and every property required, as OpenAI's strict mode demands (a property the source
 * did not require may be null instead of absent).
 */
export function toStrictJsonSchema(schema: Schema): Schema {
  return translate(schema, false);
}

function translate(schema: Schema, optional: boolean): Schema {
  const out: Schema = {};
  for (const key of KEPT) if (schema[key] !== undefined) out[key] = schema[key];
  const anyOf = schema['anyOf'];
  if (Array.isArray(anyOf)) out['anyOf'] = anyOf.filter(isSchema).map((inner) => translate(inner, false));
  const type = typeof schema['type'] === 'string' ? schema['type'].toLowerCase() : undefined;
  const nullable = schema['nullable'] === true || optional;
  if (type !== undefined) out['type'] = nullable ? [type, 'null'] : type;
  if (type === 'object') {
    const properties = isSchema(schema['properties']) ? schema['properties'] : {};
    const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((name) => typeof name === 'string') : []);
    out['properties'] = Object.fromEntries(
      Object.entries(properties).flatMap(([name, inner]) => (isSchema(inner) ? [[name, translate(inner, !required.has(name))]] : [])),
    );
    out['required'] = Object.keys(out['properties'] as Schema);
    out['additionalProperties'] = false;
  }
  if (type === 'array' && isSchema(schema['items'])) out['items'] = translate(schema['items'], false);
  return out;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
