// The scripted interviewer and candidate that `pnpm demo` and the browser specs play through the fakes.
// It answers the app's real requests, through the fake Gemini or the fake OpenAI-compatible server alike:
// the JSON analysis, the introduction, decision-first turns, the closing, and the coach's report (demo-coach.ts).
import { coachReply, reportRequestKind } from './demo-coach.ts';
import type { GeminiReply, GeminiRequestRecord } from './gemini.ts';
import type { OpenAiReply, OpenAiRequestRecord } from './openai.ts';
import type { RunpodReceived, RunpodReply } from './runpod.ts';
import { readWav } from './runpod-audio.ts';

// Topics for a job description too thin to take requirements from.
const FALLBACK_TOPICS = ['Recent project ownership', 'System design trade-offs', 'Debugging production incidents', 'Collaboration and code review', 'Growth in this role'];

const INTRODUCTION =
  "Hi, and thanks for joining me today. We'll talk through your experience for a few questions, and you can end whenever you like. To start, could you walk me through your background and what drew you to this role?";

const FOLLOW_UPS = ['What was your own part in that?', 'What would you do differently if you faced that again?', 'How did you know it had worked? What did you measure?'];

const TOPIC_QUESTIONS = [
  'What did you decide there, and why?',
  'Walk me through the hardest part of it.',
  'What is one lesson from it you would pass on to a new teammate?',
];

const CLOSING =
  "Thank you, that's all my questions for today. The interview has ended: your transcript is on screen, and your coach's report is being prepared. Good luck with the real thing!";

const ANSWERS = [
  'I started as a backend engineer on a payments team, and over the last three years I have moved into owning our event pipeline.',
  'We had to choose between a queue we knew and one that fit the load better. I ran a week-long trial with production traffic and we switched.',
  'I would put a timeout and a circuit breaker around the dependency, and serve a cached answer while it recovers.',
];

/** What the interviewer answers a prompt: the text, and whether it is spoken (streamed in small pieces) or JSON. */
export function scriptedReply(prompt: string, json: boolean): { text: string; spoken: boolean } {
  if (reportRequestKind(prompt) !== null) return { text: JSON.stringify(coachReply(prompt)), spoken: false };
  if (json) return { text: JSON.stringify(analysisFor(prompt)), spoken: false };
  if (prompt.includes('The interview is over')) return { text: CLOSING, spoken: true };
  if (prompt.includes('This is the start of the interview')) return { text: INTRODUCTION, spoken: true };
  const count = (prompt.match(/^Candidate: /gm) ?? []).length;
  const followUpOffered = prompt.includes('DECISION: FOLLOW_UP or DECISION: NEXT_TOPIC');
  const answer = lastAnswer(prompt);
  if (followUpOffered && answer.split(/\s+/).length < 14) {
    const said = answer.replace(/[.!?]+$/, '').split(/\s+/).slice(0, 8).join(' ');
    return { text: `DECISION: FOLLOW_UP\nYou said "${said}". ${FOLLOW_UPS[count % FOLLOW_UPS.length] ?? FOLLOW_UPS[0]!}`, spoken: true };
  }
  const topic = /Next topic in the plan: (.+?)\.\n|Move on to the (?:first|next) topic(?: of the plan)?: (.+?)\.(?:\n| The follow-up)/.exec(prompt);
  const name = topic?.[1] ?? topic?.[2] ?? 'your experience';
  const probe = freshProbe(prompt);
  const question = TOPIC_QUESTIONS[count % TOPIC_QUESTIONS.length] ?? TOPIC_QUESTIONS[0]!;
  const opening = probe ? `Your resume says: ${probe}. ${question}` : `Tell me about a time it came up in your work. ${question}`;
  return { text: `DECISION: NEXT_TOPIC\nThanks. Let's talk about ${name}. ${opening}`, spoken: true };
}

/**
 * Answers each Gemini call as the app expects it, streamed in small pieces like the real model. The plan is made
 * from the documents in the request (requirements from the job description's phrases, probes from the resume's
 * lines); a new topic's question names one of its probes; a follow-up quotes the candidate's last answer.
 */
export function demoInterviewer(record: GeminiRequestRecord): GeminiReply {
  const reply = scriptedReply(promptOf(record), isJsonRequest(record));
  return reply.spoken ? { kind: 'text', text: reply.text, ...pacing(reply.text) } : { kind: 'text', text: reply.text, chunks: 1 };
}

/** Answers each chat completion as the app expects it, with a little reasoning first as a thinking model would. */
export function demoOpenAiInterviewer(record: OpenAiRequestRecord): OpenAiReply {
  const body = record.body as { messages?: { role?: string; content?: unknown }[]; response_format?: unknown } | undefined;
  const messages = (body?.messages ?? []).filter((message) => message.role !== 'system');
  const prompt = messages.map((message) => (typeof message.content === 'string' ? message.content : '')).join('\n');
  // Where a server refused every JSON mode the app falls back to the prompt alone; the analysis and the report's calls say so by their tags.
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

/** What the demo's plan holds, in the shape the app's analysis asks for. */
interface DemoPlan {
  strategy: string;
  requirements: string[];
  topics: { name: string; why: string; requirements: number[]; probes: string[] }[];
}

function analysisFor(prompt: string): DemoPlan {
  const job = fenced(prompt, 'job_description');
  const role = /^(.{1,80}?)(?:[.\n]|$)/s.exec(job)?.[1]?.trim() || 'the role';
  const requirements = requirementsOf(job).slice(0, 6);
  const probes = probesOf(fenced(prompt, 'resume'));
  const names = requirements.length >= 3 ? requirements.slice(0, 5) : [...requirements, ...FALLBACK_TOPICS].slice(0, 5);
  return {
    strategy: `Demo plan for ${role}: start from the candidate's recent work, then take each requirement of the job in turn, following up where answers stay general.`,
    requirements,
    topics: names.map((name, index) => ({
      name: capitalise(name.split(/\s+/).slice(0, 5).join(' ')),
      why: index < requirements.length ? `The job description asks for “${name}”.` : 'It shows how the candidate works day to day.',
      requirements: index < requirements.length ? [index + 1] : [],
      probes: probes.length === 0 ? [] : [...new Set([probes[index % probes.length]!, probes[(index + 1) % probes.length]!])],
    })),
  };
}

/** The job's phrases of 1 to 10 words, title and headings left out: "Go", "lead incident reviews"… */
function requirementsOf(job: string): string[] {
  const [title, ...rest] = paragraphs(job);
  const sentences = [...(title ? sentencesOf(title).slice(1) : []), ...rest.filter((paragraph) => !isHeading(paragraph)).flatMap(sentencesOf)];
  const phrases = sentences
    .flatMap((sentence) => sentence.split(/,\s+|;\s*/))
    .map((phrase) => phrase.replace(/^(?:and|or|you will|we are looking for|experience (?:with|in))\s+/i, '').trim());
  return unique(phrases.filter((phrase) => phrase !== '' && wordCount(phrase) <= 10));
}

/** What to ask about from the resume: each list item's first clause, or where it has no list, its sentences of 2 to 15 words. */
function probesOf(resume: string): string[] {
  const items = paragraphs(resume).filter((paragraph) => paragraph.listItem);
  const sources = items.length >= 2 ? items.map((item) => shorten(item.text.split(/[,;]\s|\.\s/)[0] ?? '')) : paragraphs(resume).flatMap(sentencesOf).slice(1);
  const probes = sources.map((probe) => capitalise(probe.replace(/[.!?]+$/, '').trim()));
  return unique(probes.filter((probe) => wordCount(probe) >= 2 && wordCount(probe) <= 15));
}

/** A short line with no sentence punctuation, such as "What you will do": a heading, not a requirement. */
function isHeading(paragraph: Paragraph): boolean {
  return !paragraph.listItem && wordCount(paragraph.text) <= 5 && !/[.,;:!?]/.test(paragraph.text);
}

/** A paragraph or a list item of a document. */
interface Paragraph {
  text: string;
  listItem: boolean;
}

/** A document's paragraphs and list items, wrapped lines joined; lines of "a · b" or "a | b" (contact details) left out. */
function paragraphs(text: string): Paragraph[] {
  const kept: Paragraph[] = [];
  let current: Paragraph | null = null;
  const flush = () => {
    if (current && current.text !== '' && !/ [·|] /.test(current.text)) kept.push(current);
    current = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const listItem = /^[•*-]\s+/.test(line);
    if (line === '' || listItem || current === null || !/^[a-z(]/.test(line)) flush();
    if (line === '') continue;
    if (current === null) current = { text: line.replace(/^[•*-]\s+/, ''), listItem };
    else current.text = `${current.text} ${line}`;
  }
  flush();
  return kept;
}

function sentencesOf(paragraph: Paragraph): string[] {
  return paragraph.text
    .split(/(?<=[.!?])\s+|;\s*/)
    .map((sentence) => sentence.replace(/[.!?]+$/, '').trim())
    .filter((sentence) => sentence !== '');
}

/** A clause of at most 15 words: cut before a linking word where it is longer. */
function shorten(clause: string): string {
  const words = clause.trim().split(/\s+/);
  if (words.length <= 15) return words.join(' ');
  const cut = words.findIndex((word, index) => index >= 4 && /^(?:to|for|by|with|across|enabling|and)$/i.test(word));
  return words.slice(0, cut > 0 && cut <= 15 ? cut : 12).join(' ');
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

/** The first probe of the next topic that the conversation has not mentioned yet. */
function freshProbe(prompt: string): string | undefined {
  const block = fenced(prompt, 'next_topic');
  const probes = [...block.matchAll(/^- (.+)$/gm)].map((match) => match[1]!.trim());
  const talk = fenced(prompt, 'conversation').toLowerCase();
  return probes.find((probe) => !talk.includes(probe.toLowerCase())) ?? probes[0];
}

function fenced(prompt: string, tag: string): string {
  return new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`).exec(prompt)?.[1] ?? '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
