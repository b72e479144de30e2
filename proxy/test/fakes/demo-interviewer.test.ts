// The demo's scripted interviewer answers the app's real requests in the formats the app parses; its scripted candidate
// answers transcription jobs with words that follow the audio.
import { describe, expect, it } from 'vitest';
import { demoCandidate, demoInterviewer } from './demo-interviewer.ts';
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

describe('demoCandidate', () => {
  const rate = 16_000;
  function wav(seconds: number, loud: boolean): Uint8Array {
    const samples = Int16Array.from({ length: Math.round(seconds * rate) }, (_, i) => (loud ? Math.round(8000 * Math.sin(i / 5)) : 0));
    const bytes = new Uint8Array(44 + samples.length * 2);
    const view = new DataView(bytes.buffer);
    bytes.set(new TextEncoder().encode('RIFF'), 0);
    view.setUint32(4, 36 + samples.length * 2, true);
    bytes.set(new TextEncoder().encode('WAVEfmt '), 8);
    view.setUint32(16, 16, true);
    view.setUint16(20, 1, true);
    view.setUint16(22, 1, true);
    view.setUint32(24, rate, true);
    view.setUint32(28, rate * 2, true);
    view.setUint16(32, 2, true);
    view.setUint16(34, 16, true);
    bytes.set(new TextEncoder().encode('data'), 36);
    view.setUint32(40, samples.length * 2, true);
    samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
    return bytes;
  }
  const job = (audio: Uint8Array, initial_prompt?: string) => demoCandidate({ id: 'job-1', input: { initial_prompt }, audio, policy: {}, receivedAt: 0 });
  const textOf = (reply: ReturnType<typeof demoCandidate>) => (reply.kind === 'completed' ? reply.text : `(${reply.kind})`);

  it('says about 2.5 words per second of speech, from the start of the script', () => {
    const text = textOf(job(wav(4, true)));
    expect(text.split(' ')).toHaveLength(10);
    expect(text).toMatch(/^I started as a backend engineer/);
  });

  it('carries on after the words already in the answer', () => {
    expect(textOf(job(wav(2, true), 'I started as a backend engineer'))).toMatch(/^on a payments team/);
  });

  it('answers nothing for silence, and a whole line for audio it cannot read', () => {
    expect(textOf(job(wav(3, false)))).toBe('');
    expect(textOf(job(new Uint8Array([1, 2, 3])))).toMatch(/\.$/);
  });
});
