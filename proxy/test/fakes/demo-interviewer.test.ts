// The demo's scripted interviewer answers the app's real requests in the formats the app parses; its scripted candidate
// answers transcription jobs with words that follow the audio.
import { describe, expect, it } from 'vitest';
import { demoCandidate, demoInterviewer, demoOpenAiInterviewer } from './demo-interviewer.ts';
import type { GeminiRequestRecord } from './gemini.ts';
import type { OpenAiRequestRecord } from './openai.ts';

function request(text: string, json = false): GeminiRequestRecord {
  const body = { contents: [{ role: 'user', parts: [{ text }] }], generationConfig: json ? { responseMimeType: 'application/json' } : {} };
  return { method: 'POST', path: '/', model: 'm', stream: !json, headers: {}, body, receivedAt: 0, eventsWrittenAt: [] };
}

function textOf(record: GeminiRequestRecord): string {
  const reply = demoInterviewer(record);
  if (reply.kind !== 'text') throw new Error(`expected text, got ${reply.kind}`);
  return reply.text;
}

describe('demoInterviewer', () => {
  const RESUME = 'Jane Doe. Backend engineer, eight years. Led the move of a billing service to Kafka; cut failed invoices by half.';
  const JOB = 'Senior Backend Engineer at Acme. Go, Kafka, Postgres; on-call; mentoring.';

  it('answers the analysis as JSON with requirements from the job description and probes from the resume', () => {
    const prompt = `<resume>\n${RESUME}\n</resume>\n\n<job_description>\n${JOB}\n</job_description>`;
    const plan = JSON.parse(textOf(request(prompt, true))) as { strategy: string; requirements: string[]; topics: { name: string; why: string; requirements: number[]; probes: string[] }[] };
    expect(plan.strategy).toContain('Senior Backend Engineer at Acme');
    expect(plan.requirements).toEqual(['Go', 'Kafka', 'Postgres', 'on-call', 'mentoring']);
    expect(plan.topics.map((topic) => topic.name)).toEqual(['Go', 'Kafka', 'Postgres', 'On-call', 'Mentoring']);
    expect(plan.topics[1]).toEqual({
      name: 'Kafka',
      why: 'The job description asks for “Kafka”.',
      requirements: [2],
      probes: ['Led the move of a billing service to Kafka', 'Cut failed invoices by half'],
    });
    for (const probe of plan.topics.flatMap((topic) => topic.probes)) expect(RESUME.toLowerCase()).toContain(probe.toLowerCase());
  });

  it('takes probes from a resume’s list items and leaves the job description’s headings out', () => {
    const resume = 'Jane Doe\nAcme · Berlin\n\nExperience\n• Led the move of billing to Kafka, with zero downtime.\n• Cut failed invoices by half through idempotent retries.';
    const job = 'Site Reliability Engineer\n\nWhat you will do\n• Run our Kubernetes clusters.\n• Lead incident reviews and write postmortems.\n• Plan capacity.';
    const plan = JSON.parse(textOf(request(`<resume>\n${resume}\n</resume>\n<job_description>\n${job}\n</job_description>`, true))) as { requirements: string[]; topics: { probes: string[] }[] };
    expect(plan.requirements).toEqual(['Run our Kubernetes clusters', 'Lead incident reviews and write postmortems', 'Plan capacity']);
    expect(plan.topics[0]?.probes).toEqual(['Led the move of billing to Kafka', 'Cut failed invoices by half through idempotent retries']);
  });

  it('opens a new topic by naming one of its probes the conversation has not covered yet', () => {
    const prompt = [
      '<conversation>\nInterviewer: Tell me about the Kafka move.\nCandidate: I led the move of a billing service to Kafka over six months with four engineers and no downtime.\n</conversation>',
      'Move on to the next topic: Postgres. The follow-up questions on Kafka are used up.',
      '<next_topic>\nWhy it matters: The job description asks for “Postgres”.\nFrom the resume:\n- Led the move of a billing service to Kafka\n- Cut failed invoices by half\n</next_topic>',
      'Reply in exactly this format. First line, alone: DECISION: NEXT_TOPIC',
    ].join('\n\n');
    expect(textOf(request(prompt))).toMatch(/^DECISION: NEXT_TOPIC\nThanks\. Let's talk about Postgres\. Your resume says: Cut failed invoices by half\./);
  });

  it('opens warmly without a decision line', () => {
    expect(textOf(request('This is the start of the interview: at most 16 questions'))).toMatch(/^Hi, and thanks for joining/);
  });

  it('follows up a short answer when a follow-up is offered, and names the next topic otherwise', () => {
    const offered = 'Current topic: X.\nNext topic in the plan: System design trade-offs.\nReply in exactly this format. First line, alone: DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC';
    expect(textOf(request(`<conversation>\nCandidate: Yes, we shipped it.\n</conversation>\n${offered}`))).toMatch(/^DECISION: FOLLOW_UP\nYou said "Yes, we shipped it"\./);
    const long = 'I led the migration of our billing service to an event pipeline over six months with a team of four engineers.';
    expect(textOf(request(`<conversation>\nCandidate: ${long}\n</conversation>\n${offered}`))).toMatch(/^DECISION: NEXT_TOPIC\nThanks\. Let's talk about System design trade-offs\./);
    const forced = 'Move on to the next topic: Growth in this role. The follow-up questions on X are used up.\nReply in exactly this format. First line, alone: DECISION: NEXT_TOPIC';
    expect(textOf(request(forced))).toMatch(/^DECISION: NEXT_TOPIC\n.*Growth in this role/);
  });

  it('closes warmly and says what happens next', () => {
    expect(textOf(request('The interview is over: all the planned questions have been asked.'))).toMatch(/transcript/);
  });
});

describe('demoOpenAiInterviewer', () => {
  function chat(text: string, responseFormat?: unknown): OpenAiRequestRecord {
    const body = { model: 'qwen3:8b', messages: [{ role: 'system', content: 'You are an interviewer. Return JSON.' }, { role: 'user', content: text }], ...(responseFormat ? { response_format: responseFormat } : {}) };
    return { path: '/v1/chat/completions', headers: {}, body, model: 'qwen3:8b', stream: true, receivedAt: 0 };
  }

  it('answers the same script through the chat format, with reasoning first on spoken turns', () => {
    const reply = demoOpenAiInterviewer(chat('This is the start of the interview: at most 16 questions'));
    expect(reply).toMatchObject({ kind: 'text', reasoning: expect.any(String) });
    expect(reply.kind === 'text' && reply.text).toMatch(/^Hi, and thanks for joining/);
  });

  it.each([
    ['a strict schema', { type: 'json_schema', json_schema: { name: 'reply', strict: true, schema: {} } }],
    ['json_object', { type: 'json_object' }],
    ['the prompt alone', undefined],
  ])('answers the analysis as JSON when it is asked for with %s', (_name, responseFormat) => {
    const reply = demoOpenAiInterviewer(chat('<resume>\nA.\n</resume>\n<job_description>\nData Engineer.\n</job_description>', responseFormat));
    expect(reply.kind === 'text' && (JSON.parse(reply.text) as { topics: string[] }).topics.length).toBeGreaterThanOrEqual(3);
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
