// The analysis schema, and others, in the strict JSON Schema OpenAI-compatible servers take.
import { describe, expect, it } from 'vitest';
import { ANALYSIS_SCHEMA } from '../../interview/prompts.ts';
import { toStrictJsonSchema } from './json-schema.ts';

describe('toStrictJsonSchema', () => {
  it('translates the interview analysis schema: lowercase types, closed objects, every property required', () => {
    expect(toStrictJsonSchema(ANALYSIS_SCHEMA)).toEqual({
      type: 'object',
      properties: {
        strategy: { type: 'string' },
        requirements: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 10 },
        topics: {
          type: 'array',
          minItems: 3,
          maxItems: 8,
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              why: { type: 'string' },
              requirements: { type: 'array', items: { type: 'integer' } },
              probes: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 4 },
            },
            required: ['name', 'why', 'requirements', 'probes'],
            additionalProperties: false,
          },
        },
      },
      required: ['strategy', 'requirements', 'topics'],
      additionalProperties: false,
    });
  });

  it('makes a property the source did not require nullable, since strict mode requires them all', () => {
    const schema = { type: 'OBJECT', properties: { a: { type: 'STRING' }, b: { type: 'INTEGER', description: 'count' } }, required: ['a'] };
    expect(toStrictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: ['integer', 'null'], description: 'count' } },
      required: ['a', 'b'],
      additionalProperties: false,
    });
  });

  it('keeps enums, nested objects and arrays of objects, and turns nullable into a null type', () => {
    const schema = {
      type: 'object',
      properties: {
        level: { type: 'STRING', enum: ['junior', 'senior'] },
        items: { type: 'ARRAY', items: { type: 'OBJECT', properties: { name: { type: 'STRING', nullable: true } }, required: ['name'], propertyOrdering: ['name'] } },
      },
      required: ['level', 'items'],
    };
    expect(toStrictJsonSchema(schema)).toEqual({
      type: 'object',
      properties: {
        level: { type: 'string', enum: ['junior', 'senior'] },
        items: { type: 'array', items: { type: 'object', properties: { name: { type: ['string', 'null'] } }, required: ['name'], additionalProperties: false } },
      },
      required: ['level', 'items'],
      additionalProperties: false,
    });
  });
});
