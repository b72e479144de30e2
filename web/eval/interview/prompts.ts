// The two roles `pnpm eval:interview` plays with the real model besides the interviewer: the simulated candidate
// (strong, vague or dodging) and the grader that checks each interviewer turn. Pure builders of requests.
import type { LlmRequest } from '../../src/lib/llm/index.ts';

/** The simulated candidates. */
export const PERSONAS = ['strong', 'vague', 'dodging'] as const;

/** One simulated candidate. */
export type Persona = (typeof PERSONAS)[number];

const PERSONA_RULES: Readonly<Record<Persona, string>> = {
  strong: 'You answer well: a specific story from your resume, what you did yourself, the numbers and the result, in 60 to 120 spoken words.',
  vague: 'You answer vaguely: one or two general sentences with no example, no number and no detail of what you did yourself (for example "I worked on a lot of that there and it went well").',
  dodging: 'You dodge: you talk about something next to the question, steer to a strength you prefer, or say you do not remember, in one to three sentences, never answering what was asked.',
};

/** One message of the interview so far. */
export interface EvalMessage {
  role: 'interviewer' | 'candidate';
  text: string;
}

const GRADE_SCHEMA: Record<string, unknown> = {
  type: 'OBJECT',
  properties: {
    reason: { type: 'STRING' },
    grounded: { type: 'BOOLEAN' },
    previousAnswerVague: { type: 'BOOLEAN', nullable: true },
    followsUpPreviousAnswer: { type: 'BOOLEAN' },
    oneQuestion: { type: 'BOOLEAN' },
    spokenStyle: { type: 'BOOLEAN' },
    repeatsEarlierQuestion: { type: 'BOOLEAN' },
  },
  required: ['reason', 'grounded', 'previousAnswerVague', 'followsUpPreviousAnswer', 'oneQuestion', 'spokenStyle', 'repeatsEarlierQuestion'],
  propertyOrdering: ['reason', 'grounded', 'previousAnswerVague', 'followsUpPreviousAnswer', 'oneQuestion', 'spokenStyle', 'repeatsEarlierQuestion'],
};

/** The simulated candidate's answer to the interviewer's last question. */
export function candidateRequest(model: string, persona: Persona, resume: string, conversation: readonly EvalMessage[]): LlmRequest {
  const system = [
    'You play a job candidate in a spoken mock interview, to test the interviewer. Answer as the person whose resume is given, in the first person.',
    PERSONA_RULES[persona],
    'Write only the words you would say: no stage directions, no markdown.',
  ].join('\n');
  const text = [`<resume>\n${resume}\n</resume>`, `<conversation>\n${lines(conversation)}\n</conversation>`, "Answer the interviewer's last question."].join('\n\n');
  return { model, system, contents: [{ role: 'user', text }], temperature: 0.9, maxOutputTokens: 400 };
}

/** The grader's check of one interviewer turn, in JSON mode. */
export function graderRequest(model: string, documents: { resume: string; jobDescription: string }, earlier: readonly EvalMessage[], question: string): LlmRequest {
  const system = [
    'You check one turn of an automated mock interviewer against plain criteria and return JSON. Be strict and literal; write your reason before the verdicts.',
    '"grounded": the turn names something specific from the resume or the job description (a project, employer, technology, number or responsibility), not only a general topic.',
    '"previousAnswerVague": the candidate\'s last answer was vague, evasive or without specifics (null when there was no answer yet).',
    '"followsUpPreviousAnswer": the turn asks for more about what the candidate just said, rather than changing the subject.',
    '"oneQuestion": the turn asks exactly one question.',
    '"spokenStyle": the turn is natural spoken sentences, short enough to say aloud, with no lists, markdown, headings or stage directions.',
    '"repeatsEarlierQuestion": the turn asks again something the interviewer already asked in the conversation.',
  ].join('\n');
  const text = [
    `<resume>\n${documents.resume}\n</resume>`,
    `<job_description>\n${documents.jobDescription}\n</job_description>`,
    `<conversation>\n${lines(earlier)}\n</conversation>`,
    `<turn>\n${question}\n</turn>`,
    'Check the turn.',
  ].join('\n\n');
  return { model, system, contents: [{ role: 'user', text }], json: { schema: GRADE_SCHEMA }, temperature: 0, maxOutputTokens: 1024 };
}

function lines(conversation: readonly EvalMessage[]): string {
  return conversation.length === 0 ? '(nothing yet)' : conversation.map((message) => `${message.role === 'interviewer' ? 'Interviewer' : 'Candidate'}: ${message.text}`).join('\n');
}
