// The per-model rules table: every documented family and alias gets the least thinking it accepts, Gemini 3 a
// documented level and temperature 1.0, and no rule sends both a budget and a level.
import { describe, expect, it } from 'vitest';
import { GEMINI_MODEL_RULES, geminiRuleFor, type ThinkingLevel } from './models.ts';

const LEVELS: readonly ThinkingLevel[] = ['MINIMAL', 'LOW', 'MEDIUM', 'HIGH'];

describe('geminiRuleFor', () => {
  it.each([
    ['gemini-2.5-flash', 'Gemini 2.5 Flash', { thinkingBudget: 0 }, 0, undefined],
    ['gemini-2.5-flash-preview-09-2025', 'Gemini 2.5 Flash', { thinkingBudget: 0 }, 0, undefined],
    ['gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', { thinkingBudget: 0 }, 0, undefined],
    ['gemini-2.5-flash-lite-preview-06-17', 'Gemini 2.5 Flash-Lite', { thinkingBudget: 0 }, 0, undefined],
    ['models/gemini-2.5-flash', 'Gemini 2.5 Flash', { thinkingBudget: 0 }, 0, undefined],
    ['Gemini-2.5-Flash', 'Gemini 2.5 Flash', { thinkingBudget: 0 }, 0, undefined],
    ['gemini-2.5-pro', 'Gemini 2.5 Pro', { thinkingBudget: 128 }, 128, undefined],
    ['gemini-2.5-pro-preview-06-05', 'Gemini 2.5 Pro', { thinkingBudget: 128 }, 128, undefined],
    ['gemini-3-pro-preview', 'Gemini 3 Pro', { thinkingLevel: 'LOW' }, 1024, 1],
    ['gemini-3.1-pro-preview', 'Gemini 3 Pro', { thinkingLevel: 'LOW' }, 1024, 1],
    ['gemini-3-flash-preview', 'Gemini 3 Flash', { thinkingLevel: 'MINIMAL' }, 256, 1],
    ['gemini-3.1-flash-lite-preview', 'Gemini 3 Flash', { thinkingLevel: 'MINIMAL' }, 256, 1],
    ['gemini-3-nano-preview', 'Gemini 3 (other)', { thinkingLevel: 'LOW' }, 1024, 1],
    ['gemini-flash-latest', 'Gemini alias', undefined, 1024, undefined],
    ['gemini-flash-lite-latest', 'Gemini alias', undefined, 1024, undefined],
    ['gemini-pro-latest', 'Gemini alias', undefined, 1024, undefined],
    ['gemini-2.0-flash', 'Gemini 2.0 and older', undefined, 0, undefined],
    ['gemini-1.5-pro', 'Gemini 2.0 and older', undefined, 0, undefined],
    ['gemma-3-27b-it', 'unknown', undefined, 0, undefined],
    ['', 'unknown', undefined, 0, undefined],
  ])('%s → %s', (model, family, thinking, thinkingRoom, temperature) => {
    const rule = geminiRuleFor(model);
    expect({ family: rule.family, thinking: rule.thinking, thinkingRoom: rule.thinkingRoom, temperature: rule.temperature }).toEqual({ family, thinking, thinkingRoom, temperature });
  });

  it.each(GEMINI_MODEL_RULES.map((rule) => [rule.family, rule] as const))('%s never sends a budget and a level together, and only documented levels', (_family, rule) => {
    const thinking = rule.thinking;
    if (!thinking) return;
    expect('thinkingBudget' in thinking && 'thinkingLevel' in thinking).toBe(false);
    if ('thinkingLevel' in thinking) {
      expect(LEVELS).toContain(thinking.thinkingLevel);
      expect(rule.temperature).toBe(1);
    } else {
      expect(thinking.thinkingBudget).toBe(rule.thinkingRoom);
    }
  });
});
