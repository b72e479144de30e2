// The interview `pnpm bench:report` plays: questions and typed answers a few seconds apart, each question spoken as
// soon as it is complete, then the closing, spoken for as long as its words take at 150 words a minute. Pure: it
// says what the transcript and the voice's timings are at each moment.
import type { SpeechTiming, TranscriptEntry } from '../../src/lib/interview/index.ts';

/** The candidate's answers, varied in strength so some are rewritten. */
const ANSWERS = [
  'I led the move of our billing service to Kafka. I ran both paths side by side for three weeks, and failed invoices fell by half within one quarter.',
  'We had some problems with retries and we fixed them eventually, it was a team effort.',
  'I added idempotency keys to every retry and I replayed the dead letters by hand for a week, until the queue was clean.',
  'It went fine, I think.',
  'I mentor two engineers. Every week I review their designs with them, and one of them now leads our incident reviews.',
  'We used Postgres for most things and it was okay.',
  'When the payment gateway timed out, I put a circuit breaker around it and served cached answers, which kept checkout up during the outage.',
  'Basically we just kind of shipped it and, you know, it worked.',
];

/** The closing the demo interviewer says. */
export const CLOSING_TEXT =
  "Thank you, that's all my questions for today. The interview has ended: your transcript is on screen, and your coach's report is being prepared. Good luck with the real thing!";

/** How long the closing takes to say, at 150 words a minute. */
export const CLOSING_SPOKEN_MS = Math.round((CLOSING_TEXT.split(/\s+/).length / 150) * 60_000);

/** One moment of the interview: what the transcript and the voice's timings hold. */
export interface Moment {
  atMs: number;
  transcript: TranscriptEntry[];
  speechTimings: SpeechTiming[];
  concluded: boolean;
}

/** The moments of an interview of `answers` answers, `gapMs` between a question and its answer, starting at `start` (epoch ms). */
export function interviewTimeline(answers: number, gapMs: number, start: number): Moment[] {
  const transcript: TranscriptEntry[] = [];
  const speechTimings: SpeechTiming[] = [];
  const moments: Moment[] = [];
  let at = 0;
  const push = (concluded = false) => moments.push({ atMs: at, transcript: [...transcript], speechTimings: [...speechTimings], concluded });
  const ask = (id: string, text: string, kind: 'introduction' | 'new-topic' | 'closing') => {
    transcript.push({ id, role: 'interviewer', kind, text, topic: kind === 'new-topic' ? 'Payments' : null, topicId: kind === 'new-topic' ? 't1' : null, at: start + at });
    speechTimings.push({ questionId: id, engine: 'bench', answerSubmittedAt: null, firstTokenAt: null, firstAudioAt: start + at, pieces: [] });
  };
  for (let i = 0; i < answers; i++) {
    ask(`bench-${String(2 * i)}`, i === 0 ? 'Tell me about yourself.' : `Tell me about a time it came up in your work (${String(i)}).`, i === 0 ? 'introduction' : 'new-topic');
    push();
    at += gapMs;
    transcript.push({ id: `bench-${String(2 * i + 1)}`, role: 'candidate', text: ANSWERS[i % ANSWERS.length]!, at: start + at });
    push();
    at += 1000;
  }
  ask(`bench-${String(2 * answers)}`, CLOSING_TEXT, 'closing');
  push(true);
  return moments;
}
