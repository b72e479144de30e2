// When each part of the report is due: judgements behind the next question, rewrites of the weakest (speculatively
// during the interview, finally after it), the practice plan last.
import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../interview/index.ts';
import { newReportRecord } from './record.ts';
import { dueJobs, JUDGE_GRACE_MS, rewritesWanted } from './schedule.ts';
import type { ReportSubject } from './subject.ts';
import type { AnswerJudgement, ReportRecord } from './types.ts';

const LONG = 'I led the move of our billing service to Kafka and it cut failed invoices by half within one quarter.';

function subject(answers: number, concluded: boolean): ReportSubject {
  const transcript: TranscriptEntry[] = [];
  for (let i = 0; i < answers; i++) {
    transcript.push({ id: `q${String(i)}`, role: 'interviewer', kind: 'new-topic', text: 'Q?', topic: 'T', topicId: 't1', at: i * 10 });
    transcript.push({ id: `a${String(i)}`, role: 'candidate', text: i === 3 ? 'Fine.' : LONG, at: i * 10 + 5 });
  }
  if (concluded) transcript.push({ id: 'closing', role: 'interviewer', kind: 'closing', text: 'Thanks.', topic: null, topicId: null, at: answers * 10 });
  return { interviewId: 'iv', model: 'm', documents: { resume: '', jobDescription: '', instructions: '' }, profile: { interviewType: 'mixed', level: null }, plan: null, transcript, speechTimings: [], concluded };
}

function judged(score: number, thin: AnswerJudgement['thin'] = null): ReportRecord['answers'][string] {
  return { status: 'done', value: { answerId: 'x', thin, dimensions: [{ dimension: 'relevance', status: 'scored', score, reason: '', evidence: { answerId: 'x', quote: 'q' } }], star: null, strengths: [], improvements: [], requirements: [], droppedQuotes: 0 } };
}

describe('dueJobs', () => {
  it('judges answers whose next question is in the transcript, once its voice starts or the grace period passes', () => {
    const record = newReportRecord('iv', 'm', 0);
    const running = subject(2, false);
    running.transcript.push({ id: 'q2', role: 'interviewer', kind: 'new-topic', text: 'Q?', topic: 'T', topicId: 't1', at: 1_000 });
    // No voice: a0 (next question at 10) is due 2 s after it; a1 (next question at 1000) waits until 3000.
    expect(dueJobs(running, record, 1_000)).toEqual({ jobs: [], nextGateAt: 10 + JUDGE_GRACE_MS });
    expect(dueJobs(running, record, 10 + JUDGE_GRACE_MS)).toEqual({ jobs: [{ kind: 'judge', answerId: 'a0' }], nextGateAt: 1_000 + JUDGE_GRACE_MS });
    const voice = (questionId: string) => ({ questionId, engine: 'e', answerSubmittedAt: null, firstTokenAt: null, firstAudioAt: 1_001, pieces: [] });
    const speaking = { ...running, speechTimings: [voice('q1'), voice('q2')] };
    expect(dueJobs(speaking, record, 1_000).jobs).toEqual([
      { kind: 'judge', answerId: 'a0' },
      { kind: 'judge', answerId: 'a1' },
    ]);
  });

  it('makes the practice plan only after the closing, once every answer is settled and one is judged', () => {
    const done = subject(1, true);
    expect(dueJobs(done, { ...newReportRecord('iv', 'm', 0), answers: { a0: { status: 'unavailable', message: 'x' } } }, 0).jobs).toEqual([]);
    expect(dueJobs(done, { ...newReportRecord('iv', 'm', 0), answers: { a0: judged(4) } }, 0).jobs).toEqual([
      { kind: 'rewrite', answerId: 'a0' },
      { kind: 'practice' },
    ]);
  });
});

describe('rewritesWanted', () => {
  const answers = { a0: judged(2), a1: judged(3), a2: judged(1), a3: judged(1, 'short'), a4: judged(4) };

  it('during the interview, the two weakest answers at or below 3 (never a thin one)', () => {
    expect(rewritesWanted(subject(5, false), { ...newReportRecord('iv', 'm', 0), answers })).toEqual(['a2', 'a0']);
  });

  it('after the closing, nothing until every answer is judged, then the two weakest', () => {
    expect(rewritesWanted(subject(5, true), { ...newReportRecord('iv', 'm', 0), answers: { ...answers, a4: { status: 'pending' } } })).toEqual([]);
    const strong = { a0: judged(5), a1: judged(4), a2: judged(5), a3: judged(1, 'short'), a4: judged(4) };
    expect(rewritesWanted(subject(5, true), { ...newReportRecord('iv', 'm', 0), answers: strong })).toEqual(['a1', 'a4']);
  });
});
