// The demo's scripted interviewer: a warm opening, a different question each turn, a closing at the end.
import { describe, expect, it } from 'vitest';
import { demoInterviewer } from './demo-interviewer.ts';
import type { GeminiRequestRecord } from './gemini.ts';

function requestWithTurns(turns: number): GeminiRequestRecord {
  const contents = Array.from({ length: turns * 2 - 1 }, (_, i) => ({ role: i % 2 ? 'model' : 'user', parts: [{ text: `turn ${i}` }] }));
  return { method: 'POST', path: '/', model: 'm', stream: true, headers: {}, body: { contents }, receivedAt: 0 };
}

const textOf = (turns: number) => {
  const reply = demoInterviewer(requestWithTurns(turns));
  if (reply.kind !== 'text') throw new Error(`expected text, got ${reply.kind}`);
  return reply.text;
};

describe('demoInterviewer', () => {
  it('opens warmly, varies its questions, and closes after the last one', () => {
    expect(textOf(1)).toMatch(/^Hi, and thanks for joining/);
    const questions = [1, 2, 3, 4, 5, 6, 7].map(textOf);
    expect(new Set(questions).size).toBe(7);
    expect(textOf(8)).toMatch(/that's all my questions/);
  });

  it('streams in several pieces with a pause between them', () => {
    expect(demoInterviewer(requestWithTurns(1))).toMatchObject({ kind: 'text', chunks: expect.any(Number), delayMs: 60 });
  });
});
