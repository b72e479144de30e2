// The scripted interviewer and candidate that `pnpm demo` and the browser specs play through the fakes.
// It answers the app's real requests, through the fake Gemini or the fake OpenAI-compatible server alike:
// the JSON analysis, the introduction, decision-first turns, the closing.
import type { GeminiReply, GeminiRequestRecord } from './gemini.ts';
import type { OpenAiReply, OpenAiRequestRecord } from './openai.ts';
import type { RunpodReceived, RunpodReply } from './runpod.ts';
import { readWav } from './runpod-audio.ts';

const TOPICS = ['Recent project ownership', 'System design trade-offs', 'Debugging production incidents', 'Collaboration and code review', 'Growth in this role'];

const INTRODUCTION =
  "Hi, and thanks for joining me today. We'll talk through your experience for a few questions, and you can end whenever you like. To start, could you walk me through your background and what drew you to this role?";

const FOLLOW_UPS = [
  'Could you say a bit more about that? What was your own part in it?',
  'What would you do differently if you faced that again?',
  'How did you know it had worked? What did you measure?',
];

const TOPIC_QUESTIONS = [
  'Tell me about a time this came up in your work. What did you decide, and why?',
  'Walk me through a concrete example, and the hardest part of it.',
  'What is one lesson about this you would pass on to a new teammate?',
];

const CLOSING =
  "Thank you, that's all my questions for today. You gave thoughtful, concrete answers. The interview has ended, and you can now read the full transcript on screen. Good luck with the real thing!";

const ANSWERS = [
  'I started as a backend engineer on a payments team, and over the last three years I have moved into owning our event pipeline.',
  'We had to choose between a queue we knew and one that fit the load better. I ran a week-long trial with production traffic and we switched.',
  'I would put a timeout and a circuit breaker around the dependency, and serve a cached answer while it recovers.',
];

/** What the interviewer answers a prompt: the text, and whether it is spoken (streamed in small pieces) or JSON. */
export function scriptedReply(prompt: string, json: boolean): { text: string; spoken: boolean } {
  if (json) return { text: JSON.stringify(analysisFor(prompt)), spoken: false };
  if (prompt.includes('The interview is over')) return { text: CLOSING, spoken: true };
  if (prompt.includes('This is the start of the interview')) return { text: INTRODUCTION, spoken: true };
  const count = (prompt.match(/^Candidate: /gm) ?? []).length;
  const followUpOffered = prompt.includes('DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC');
  if (followUpOffered && lastAnswer(prompt).split(/\s+/).length < 14) {
    return { text: `DECISION: FOLLOW_UP\n${FOLLOW_UPS[count % FOLLOW_UPS.length] ?? FOLLOW_UPS[0]!}`, spoken: true };
  }
  const topic = /Next topic in the plan: (.+?)\.\n|Move on to the (?:first|next) topic(?: of the plan)?: (.+?)\./.exec(prompt);
  const name = topic?.[1] ?? topic?.[2] ?? 'your experience';
  return { text: `DECISION: NEXT_TOPIC\nThanks. Let's talk about ${name.toLowerCase()}. ${TOPIC_QUESTIONS[count % TOPIC_QUESTIONS.length] ?? TOPIC_QUESTIONS[0]!}`, spoken: true };
}

/** Answers each Gemini call as the app expects it, streamed in small pieces like the real model. */
export function demoInterviewer(record: GeminiRequestRecord): GeminiReply {
  const reply = scriptedReply(promptOf(record), isJsonRequest(record));
  return reply.spoken ? { kind: 'text', text: reply.text, ...pacing(reply.text) } : { kind: 'text', text: reply.text, chunks: 1 };
}

/** Answers each chat completion as the app expects it, with a little reasoning first as a thinking model would. */
export function demoOpenAiInterviewer(record: OpenAiRequestRecord): OpenAiReply {
  const body = record.body as { messages?: { role?: string; content?: unknown }[]; response_format?: unknown } | undefined;
  const messages = (body?.messages ?? []).filter((message) => message.role !== 'system');
  const prompt = messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
  // Where a server refused every JSON mode the app falls back to the prompt alone; the analysis is the call with the resume in it.
  const reply = scriptedReply(prompt, body?.response_format !== undefined || prompt.includes('<resume>'));
  if (!reply.spoken) return { kind: 'text', text: reply.text, chunks: 1 };
  return { kind: 'text', text: reply.text, reasoning: 'The candidate answered; I will keep to the plan.', ...pacing(reply.text) };
}

/** About 150 words a minute: the words a second of speech holds. */
const WORDS_PER_SECOND = 2.5;

/**
 * Answers each transcription job with what a candidate might have said in that clip: as many words of the
 * scripted answers as its speech could hold, carrying on after the words already in the answer (its
 * initial_prompt), and nothing for a clip of silence, as Whisper with VAD does.
 */
export function demoCandidate(received: RunpodReceived): RunpodReply {
  const audio = readWav(received.audio);
  if (!audio) {
    const index = Math.floor(received.receivedAt / 1000) % ANSWERS.length;
    return { kind: 'completed', text: ANSWERS[index] ?? ANSWERS[0]! };
  }
  if (audio.loudSeconds < 0.3) return { kind: 'completed', text: '' };
  const script = ANSWERS.join(' ').split(' ');
  const saidSoFar = (received.input.initial_prompt ?? '').split(/\s+/).filter((word) => word !== '').length;
  const count = Math.max(1, Math.round(audio.loudSeconds * WORDS_PER_SECOND));
  const words = Array.from({ length: count }, (_, i) => script[(saidSoFar + i) % script.length] ?? '');
  const text = words.join(' ');
  return { kind: 'completed', text: saidSoFar === 0 ? text.charAt(0).toUpperCase() + text.slice(1) : text };
}

/** About 24 characters every 40 ms, like the real models' streams. */
function pacing(text: string): { chunks: number; delayMs: number } {
  return { chunks: Math.max(3, Math.ceil(text.length / 24)), delayMs: 40 };
}

function analysisFor(prompt: string): { strategy: string; topics: string[] } {
  const role = /<job_description>\n(.{1,80}?)(?:[.\n]|$)/s.exec(prompt)?.[1]?.trim() ?? 'the role';
  return {
    strategy: `Demo plan for ${role}: start from the candidate's recent work, then probe design judgement, incident handling and teamwork, following up where answers stay general.`,
    topics: TOPICS,
  };
}

function lastAnswer(prompt: string): string {
  const answers = [...prompt.matchAll(/^Candidate: (.*)$/gm)];
  return answers.at(-1)?.[1] ?? '';
}

function promptOf(record: GeminiRequestRecord): string {
  const body = record.body as { contents?: { parts?: { text?: string }[] }[] } | undefined;
  return (body?.contents ?? []).flatMap((content) => content.parts ?? []).map((part) => part.text ?? '').join('\n');
}

function isJsonRequest(record: GeminiRequestRecord): boolean {
  const body = record.body as { generationConfig?: { responseMimeType?: string } } | undefined;
  return body?.generationConfig?.responseMimeType === 'application/json';
}
