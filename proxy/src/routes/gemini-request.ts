// Checks and tightens a Gemini generateContent request body before it is sent on with our key.
import * as v from 'valibot';
import type { GeminiConfig } from '../config/index.ts';
import { ProxyError } from '../http/errors.ts';

/** The two Gemini methods the proxy relays. */
export type GeminiAction = 'streamGenerateContent' | 'generateContent';

const Part = v.looseObject({ text: v.optional(v.string()) });
const Content = v.looseObject({ role: v.optional(v.picklist(['user', 'model'])), parts: v.pipe(v.array(Part), v.minLength(1)) });

const GeminiBody = v.strictObject({
  contents: v.pipe(v.array(Content), v.minLength(1, 'contents must not be empty')),
  systemInstruction: v.optional(v.looseObject({ parts: v.array(Part) })),
  generationConfig: v.optional(v.looseObject({ maxOutputTokens: v.optional(v.number()), candidateCount: v.optional(v.number()) })),
  safetySettings: v.optional(v.array(v.looseObject({}))),
});

/** Splits `gemini-2.5-flash:streamGenerateContent` into model and action, or answers 404. */
export function parseTarget(target: string): { model: string; action: GeminiAction } {
  const match = /^([\w.-]+):(streamGenerateContent|generateContent)$/.exec(target);
  if (!match?.[1] || !match[2]) {
    throw new ProxyError(404, 'not_found', 'Only models/{model}:streamGenerateContent and models/{model}:generateContent are relayed.');
  }
  return { model: match[1], action: match[2] as GeminiAction };
}

/** Refuses models off the allowlist with 403. */
export function assertModelAllowed(model: string, gemini: GeminiConfig): void {
  if (!gemini.models.includes(model)) {
    throw new ProxyError(403, 'model_not_allowed', `The model "${model}" is not allowed here. Allowed: ${gemini.models.join(', ')}.`);
  }
}

/** Validates the body's shape and clamps its generation limits; returns the JSON to send upstream. */
export function tightenBody(body: Record<string, unknown>, gemini: GeminiConfig): string {
  const result = v.safeParse(GeminiBody, body);
  if (!result.success) {
    const issue = result.issues[0];
    const where = v.getDotPath(issue);
    throw new ProxyError(400, 'bad_request', `Invalid Gemini request${where ? ` at ${where}` : ''}: ${issue.message}`);
  }
  const generationConfig = result.output.generationConfig ?? {};
  const requested = generationConfig.maxOutputTokens;
  const maxOutputTokens =
    requested === undefined || !Number.isFinite(requested) ? gemini.maxOutputTokens : Math.max(1, Math.min(Math.floor(requested), gemini.maxOutputTokens));
  return JSON.stringify({ ...result.output, generationConfig: { ...generationConfig, maxOutputTokens, candidateCount: 1 } });
}
