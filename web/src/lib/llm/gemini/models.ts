// What each Gemini model needs, in one table: the least thinking it accepts, the output room that thinking still
// takes, and a temperature it must run at. Pure; from Google's thinking and Gemini 3 documentation.

/** Gemini's thinkingConfig: 2.5 models take a budget, Gemini 3 a level; no model accepts both. */
export type ThinkingConfig = { thinkingBudget: number } | { thinkingLevel: ThinkingLevel };

/** Gemini 3's documented thinking levels (the API's ThinkingLevel enum, as the official SDK sends it). */
export type ThinkingLevel = 'MINIMAL' | 'LOW' | 'MEDIUM' | 'HIGH';

/** How the app calls one family of Gemini models. */
export interface GeminiModelRule {
  /** The family, for tests and messages, e.g. "Gemini 2.5 Pro". */
  family: string;
  /** Which model ids (lower case, without `models/`) belong to it. */
  pattern: RegExp;
  /** The least thinking the family accepts; undefined sends none (the model's default). */
  thinking: ThinkingConfig | undefined;
  /** Output tokens that thinking may still use at that setting; added to the room asked for, since thoughts count against maxOutputTokens. */
  thinkingRoom: number;
  /** A temperature the family must run at whatever the request asks; undefined keeps the request's. */
  temperature?: number;
}

/**
 * The rules, first match wins. Warning: order matters (flash-lite before flash; dated previews share their family's rule).
 * 2.5 Pro cannot turn thinking off (budget 128–32768); 2.5 Flash and Flash-Lite can (budget 0); Gemini 3 takes only
 * levels (3 Pro: LOW or HIGH; 3 Flash: MINIMAL to HIGH) and Google recommends temperature 1.0 for it (lower can loop).
 * The `-latest` aliases move from one model to the next, so they get the model's default thinking and extra room.
 */
export const GEMINI_MODEL_RULES: readonly GeminiModelRule[] = [
  { family: 'Gemini 3 Pro', pattern: /^gemini-3(?:\.\d+)?-pro/, thinking: { thinkingLevel: 'LOW' }, thinkingRoom: 1024, temperature: 1 },
  { family: 'Gemini 3 Flash', pattern: /^gemini-3(?:\.\d+)?-flash/, thinking: { thinkingLevel: 'MINIMAL' }, thinkingRoom: 256, temperature: 1 },
  { family: 'Gemini 3 (other)', pattern: /^gemini-3/, thinking: { thinkingLevel: 'LOW' }, thinkingRoom: 1024, temperature: 1 },
  { family: 'Gemini 2.5 Pro', pattern: /^gemini-2\.5-pro/, thinking: { thinkingBudget: 128 }, thinkingRoom: 128 },
  { family: 'Gemini 2.5 Flash-Lite', pattern: /^gemini-2\.5-flash-lite/, thinking: { thinkingBudget: 0 }, thinkingRoom: 0 },
  { family: 'Gemini 2.5 Flash', pattern: /^gemini-2\.5-flash/, thinking: { thinkingBudget: 0 }, thinkingRoom: 0 },
  { family: 'Gemini alias', pattern: /^gemini-(?:flash|flash-lite|pro)-latest$/, thinking: undefined, thinkingRoom: 1024 },
  { family: 'Gemini 2.0 and older', pattern: /^gemini-(?:1\.|2\.0)/, thinking: undefined, thinkingRoom: 0 },
];

/** The rule for models the table does not know: send no thinking setting (an unknown model may refuse any). */
export const UNKNOWN_MODEL_RULE: GeminiModelRule = { family: 'unknown', pattern: /$^/, thinking: undefined, thinkingRoom: 0 };

/** The rule for a model id (`gemini-2.5-pro`, `models/Gemini-2.5-Pro` alike). */
export function geminiRuleFor(model: string): GeminiModelRule {
  const id = model.trim().toLowerCase().replace(/^models\//, '');
  return GEMINI_MODEL_RULES.find((rule) => rule.pattern.test(id)) ?? UNKNOWN_MODEL_RULE;
}
