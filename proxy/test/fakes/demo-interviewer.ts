// The scripted interviewer and candidate that `pnpm demo` plays through the fakes: plausible, varied, no keys.
import type { GeminiReply, GeminiRequestRecord } from './gemini.ts';
import type { RunpodReceived, RunpodReply } from './runpod.ts';

const QUESTIONS = [
  "Hi, and thanks for joining me today. To start, could you walk me through your background and what drew you to this role?",
  'You mentioned a project you are proud of. What was the hardest technical decision in it, and how did you make it?',
  'Tell me about a time you disagreed with a teammate on an approach. How did you resolve it?',
  'How would you design a service that has to stay responsive while a slow dependency is failing?',
  'What does good code review look like to you, both giving and receiving it?',
  'Describe a production incident you were part of. What did you change afterwards?',
  'Which part of this job description excites you most, and which part would stretch you?',
];

const CLOSING =
  "Thank you, that's all my questions. You gave thoughtful, concrete answers. Take a look at the transcript while it's fresh, and good luck with the real thing!";

const ANSWERS = [
  'I started as a backend engineer on a payments team, and over the last three years I have moved into owning our event pipeline.',
  'We had to choose between a queue we knew and one that fit the load better. I ran a week-long trial with production traffic and we switched.',
  'I would put a timeout and a circuit breaker around the dependency, and serve a cached answer while it recovers.',
];

function userTurns(record: GeminiRequestRecord): number {
  const body = record.body as { contents?: { role?: string }[] } | undefined;
  return (body?.contents ?? []).filter((content) => content.role !== 'model').length;
}

/** Answers each Gemini call with the next interviewer line, streamed in small pieces like the real model. */
export function demoInterviewer(record: GeminiRequestRecord): GeminiReply {
  const turn = userTurns(record);
  const text = turn > QUESTIONS.length ? CLOSING : (QUESTIONS[(turn - 1 + QUESTIONS.length) % QUESTIONS.length] ?? CLOSING);
  return { kind: 'text', text, chunks: Math.max(3, Math.ceil(text.length / 24)), delayMs: 60 };
}

/** Answers each transcription job with a line a candidate might say. */
export function demoCandidate(received: RunpodReceived): RunpodReply {
  const index = Math.floor(received.receivedAt / 1000) % ANSWERS.length;
  return { kind: 'completed', text: ANSWERS[index] ?? ANSWERS[0]! };
}
