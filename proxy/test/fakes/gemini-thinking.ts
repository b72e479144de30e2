// How the real Gemini models treat thinking, for the fake: which thinkingConfig each refuses (with Google's words,
// from captured/gemini/), and how many output tokens thoughts take at each setting, since they count against
// maxOutputTokens. From Google's thinking and Gemini 3 documentation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { googleErrorBody } from './gemini-wire.ts';

/** The thinkingConfig the fake reads. */
export interface ThinkingRequest {
  thinkingBudget?: number;
  thinkingLevel?: string;
}

const CAPTURED = fileURLToPath(new URL('./captured/gemini', import.meta.url));
const captured = (file: string) => readFileSync(join(CAPTURED, file), 'utf8');

interface Family {
  pattern: RegExp;
  /** Budget range; `off` when 0 turns thinking off. */
  budget?: { min: number; max: number; off: boolean };
  /** Thinking levels the family takes (Gemini 3). */
  levels?: readonly string[];
}

const FAMILIES: readonly Family[] = [
  { pattern: /^gemini-3-pro/, levels: ['LOW', 'HIGH'] },
  { pattern: /^gemini-3\.\d+-pro/, levels: ['LOW', 'MEDIUM', 'HIGH'] },
  { pattern: /^gemini-3/, levels: ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'] },
  { pattern: /^gemini-2\.5-pro/, budget: { min: 128, max: 32768, off: false } },
  { pattern: /^gemini-2\.5-flash-lite/, budget: { min: 512, max: 24576, off: true } },
  { pattern: /^gemini-2\.5-flash/, budget: { min: 1, max: 24576, off: true } },
];

/** Google's 400 body for a thinkingConfig the model refuses, or undefined when it takes it. */
export function thinkingRefusal(model: string, config: ThinkingRequest | undefined): string | undefined {
  if (!config) return undefined;
  const family = FAMILIES.find((candidate) => candidate.pattern.test(model));
  const level = config.thinkingLevel?.toUpperCase();
  if (level !== undefined) {
    if (!family?.levels) return captured('error-400-thinking-level-on-2.5.json');
    if (!family.levels.includes(level)) {
      return googleErrorBody(400, 'INVALID_ARGUMENT', `Thinking level ${level} is not supported for this model. Please retry with other thinking level.`);
    }
  }
  const budget = config.thinkingBudget;
  if (budget !== undefined && budget !== -1 && family?.budget) {
    if (budget === 0 && !family.budget.off) return captured('error-400-thinking-budget-zero.json');
    if (budget !== 0 && (budget < family.budget.min || budget > family.budget.max)) {
      return googleErrorBody(400, 'INVALID_ARGUMENT', `The thinking budget (${String(budget)}) is invalid.`);
    }
  }
  return undefined;
}

/** Tokens a reply that would think `wanted` tokens spends thinking under `config` (the model's default thinks freely). */
export function thoughtTokens(model: string, config: ThinkingRequest | undefined, wanted: number): number {
  const level = config?.thinkingLevel?.toUpperCase();
  if (level !== undefined) return Math.min(wanted, { MINIMAL: 0, LOW: 512, MEDIUM: 4096, HIGH: wanted }[level] ?? wanted);
  const budget = config?.thinkingBudget;
  if (budget === undefined || budget === -1) return wanted;
  const family = FAMILIES.find((candidate) => candidate.pattern.test(model));
  if (budget === 0 && family?.budget?.off) return 0;
  return Math.min(wanted, budget);
}
