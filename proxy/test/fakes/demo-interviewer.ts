// The scripted interviewer and candidate that `pnpm demo` and the browser specs play through the fakes.
// It answers the app's real requests: the JSON analysis, the introduction, decision-first turns, the closing.
import type { GeminiReply, GeminiRequestRecord } from './gemini.ts';
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

/** Answers each Gemini call as the app expects it, streamed in small pieces like the real model. */
export function demoInterviewer(record: GeminiRequestRecord): GeminiReply {
  const prompt = promptOf(record);
  if (isJsonRequest(record)) return { kind: 'text', text: JSON.stringify(analysisFor(prompt)), chunks: 1 };
  if (prompt.includes('The interview is over')) return spoken(CLOSING);
  if (prompt.includes('This is the start of the interview')) return spoken(INTRODUCTION);
  const count = (prompt.match(/^Candidate: /gm) ?? []).length;
  const followUpOffered = prompt.includes('DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC');
  if (followUpOffered && lastAnswer(prompt).split(/\s+/).length < 14) {
    return spoken(`DECISION: FOLLOW_UP\n${FOLLOW_UPS[count % FOLLOW_UPS.length] ?? FOLLOW_UPS[0]!}`);
  }
  const topic = /Next topic in the plan: (.+?)\.\n|Move on to the (?:first|next) topic(?: of the plan)?: (.+?)\./.exec(prompt);
  const name = topic?.[1] ?? topic?.[2] ?? 'your experience';
  return spoken(`DECISION: NEXT_TOPIC\nThanks. Let's talk about ${name.toLowerCase()}. ${TOPIC_QUESTIONS[count % TOPIC_QUESTIONS.length] ?? TOPIC_QUESTIONS[0]!}`);
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

function spoken(text: string): GeminiReply {
  return { kind: 'text', text, chunks: Math.max(3, Math.ceil(text.length / 24)), delayMs: 40 };
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
