// The demo's scripted interviewer answers the app's real requests in the formats the app parses.
import { describe, expect, it } from 'vitest';
import { demoInterviewer } from './demo-interviewer.ts';
import type { GeminiRequestRecord } from './gemini.ts';

function request(text: string, json = false): GeminiRequestRecord {
  const body = { contents: [{ role: 'user', parts: [{ text }] }], generationConfig: json ? { responseMimeType: 'application/json' } : {} };
  return { method: 'POST', path: '/', model: 'm', stream: !json, headers: {}, body, receivedAt: 0 };
}

function textOf(record: GeminiRequestRecord): string {
  const reply = demoInterviewer(record);
  if (reply.kind !== 'text') throw new Error(`expected text, got ${reply.kind}`);
  return reply.text;
}

describe('demoInterviewer', () => {
  it('answers the analysis as JSON with a strategy and topics', () => {
    const plan = JSON.parse(textOf(request('<job_description>\nSenior Backend Engineer at Acme.\n</job_description>', true))) as { strategy: string; topics: string[] };
    expect(plan.strategy).toContain('Senior Backend Engineer at Acme');
    expect(plan.topics.length).toBeGreaterThanOrEqual(3);
  });

  it('opens warmly without a decision line', () => {
    expect(textOf(request('This is the start of the interview: at most 16 questions'))).toMatch(/^Hi, and thanks for joining/);
  });

  it('follows up a short answer when a follow-up is offered, and names the next topic otherwise', () => {
    const offered = 'Current topic: X.\nNext topic in the plan: System design trade-offs.\nReply in exactly this format. First line, alone: DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC';
    expect(textOf(request(`<conversation>\nCandidate: Yes.\n</conversation>\n${offered}`))).toMatch(/^DECISION: FOLLOW_UP\n/);
    const long = 'I led the migration of our billing service to an event pipeline over six months with a team of four engineers.';
    expect(textOf(request(`<conversation>\nCandidate: ${long}\n</conversation>\n${offered}`))).toMatch(/^DECISION: NEXT_TOPIC\nThanks\. Let's talk about system design trade-offs\./);
    const forced = 'Move on to the next topic: Growth in this role. The follow-up questions on X are used up.\nReply in exactly this format. First line, alone: DECISION: NEXT_TOPIC';
    expect(textOf(request(forced))).toMatch(/^DECISION: NEXT_TOPIC\n.*growth in this role/);
  });

  it('closes warmly and says what happens next', () => {
    expect(textOf(request('The interview is over: all the planned questions have been asked.'))).toMatch(/transcript/);
  });
});
