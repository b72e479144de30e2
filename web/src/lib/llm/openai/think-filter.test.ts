// A leading <think> block never reaches the reply, wherever the deltas cut the tags.
import { describe, expect, it } from 'vitest';
import { createThinkFilter } from './think-filter.ts';

function run(deltas: readonly string[]): string {
  const filter = createThinkFilter();
  return deltas.map((delta) => filter.push(delta)).join('');
}

function everyCut(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, at) => [text.slice(0, at), text.slice(at)]);
}

describe('createThinkFilter', () => {
  it.each([
    ['<think>\nThe user said hi.\n</think>\n\nHello! Ready?', 'Hello! Ready?'],
    ['  <think>x</think>Hi', 'Hi'],
    ['Hello! No thinking here.', 'Hello! No thinking here.'],
    ['<thinking is fine here', '<thinking is fine here'],
    ['A question about <think> tags?', 'A question about <think> tags?'],
    ['<think>never closed', ''],
  ])('%j → %j at every cut', (text, reply) => {
    for (const deltas of everyCut(text)) expect(run(deltas)).toBe(reply);
    expect(run(Array.from(text))).toBe(reply);
  });
});
