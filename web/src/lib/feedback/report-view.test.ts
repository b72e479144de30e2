// The report as shown and exported: progress while answers are judged, the overall score only once all are settled,
// each requirement once, rewrites of the weakest, completeness; and the Markdown section that carries it all.
import { describe, expect, it } from 'vitest';
import { answerTurns } from './answers.ts';
import { applyEvidenceRules } from './evidence.ts';
import { reportMarkdown } from './markdown.ts';
import { newReportRecord } from './record.ts';
import { buildReportView } from './report-view.ts';
import type { JudgementReply } from './schemas.ts';
import { answersByLabel, interviewTexts, type ReportSubject } from './subject.ts';
import { GOLDEN_ANSWERS, goldenSubject } from './testdata/golden.ts';
import { judgementReply } from './testdata/scripted-model.ts';
import type { ReportRecord } from './types.ts';

/** The strong golden answer, then the fine one (typed), then a closing. */
function twoAnswers(): ReportSubject {
  const base = goldenSubject('strong', 'iv');
  const [question, strong, closing] = base.transcript;
  return {
    ...base,
    transcript: [
      question!,
      { ...strong!, listening: { speechEndAt: 60_000, transcriptReadyAt: 60_500, spokenSeconds: 35, audioSecondsSent: 36, speechStartAt: 3_000, pauses: [0.5, 2.5] } } as ReportSubject['transcript'][number],
      { id: 'iv-2', role: 'interviewer', kind: 'follow-up', text: 'And how did the team take it?', topic: 'Billing migration', topicId: 't1', at: 70_000 },
      { id: 'iv-3', role: 'candidate', text: GOLDEN_ANSWERS.fine, at: 90_000 },
      { ...closing!, id: 'iv-4', at: 91_000 },
    ],
  };
}

function judged(subject: ReportSubject, label: string, score: number, quote: string, extra: Partial<JudgementReply> = {}) {
  const turns = answerTurns(subject.transcript);
  const turn = turns.find((candidate) => candidate.label === label)!;
  const reply = { ...judgementReply(label, score, quote), ...extra } as JudgementReply;
  return applyEvidenceRules(reply, { turn, answers: answersByLabel(turns), requirements: subject.plan!.requirements, interviewType: 'behavioural', sources: interviewTexts(subject) });
}

describe('buildReportView', () => {
  const subject = twoAnswers();

  it('shows the measured part at once and says how far the judging has got', () => {
    const view = buildReportView(subject, null);
    expect(view.answers.map((answer) => [answer.turn.label, answer.delivery.pace.kind, answer.judgement.status])).toEqual([
      ['A1', 'spoken', 'pending'],
      ['A2', 'typed', 'pending'],
    ]);
    expect(view.overall).toEqual({ settled: false, score: null, basedOn: 0, of: 2 });
    expect(view.progress).toMatchObject({ judged: 0, total: 2 });
    expect(view.requirements.map((outcome) => outcome.status)).toEqual(['not-reached', 'not-reached', 'not-reached']);
    expect(view.complete).toBe(false);
  });

  it('scores by formula once every answer is settled, maps each requirement once, picks strengths and rewrites', () => {
    const record: ReportRecord = {
      ...newReportRecord('iv', 'gemini-2.5-flash', 1),
      answers: {
        'iv-1': { status: 'done', value: judged(subject, 'A1', 5, 'I wrote the migration plan', { requirements: [{ requirement: 1, status: 'demonstrated', quote: 'move it onto Kafka without a freeze' }, { requirement: 2, status: 'mentioned', quote: 'I also ran the incident review' }] }) },
        'iv-3': { status: 'done', value: judged(subject, 'A2', 2, 'We moved some things to Kafka', { requirements: [{ requirement: 1, status: 'mentioned', quote: 'We moved some things to Kafka' }] }) },
      },
    };
    const half = buildReportView(subject, record);
    expect(half.overall).toEqual({ settled: true, score: 3.5, basedOn: 2, of: 2 });
    expect(half.requirements.map((outcome) => [outcome.requirement.id, outcome.status])).toEqual([
      ['r1', 'demonstrated'],
      ['r2', 'mentioned'],
      ['r3', 'not-reached'],
    ]);
    expect(half.strengths.map((point) => point.evidence.answerId)).toEqual(['iv-1', 'iv-3']);
    expect(half.improvements[0]?.evidence.answerId).toBe('iv-3');
    expect(half.rewrites.map((rewrite) => [rewrite.turn.label, rewrite.state.status])).toEqual([['A2', 'pending'], ['A1', 'pending']]);
    expect(half.complete).toBe(false);

    const full = buildReportView(subject, {
      ...record,
      rewrites: {
        'iv-3': { status: 'done', value: { answerId: 'iv-3', text: 'I moved billing to Kafka.', changes: [], unsupported: [] } },
        'iv-1': { status: 'done', value: { answerId: 'iv-1', text: null, changes: [], unsupported: ['Stripe'] } },
      },
      practice: { status: 'unavailable', message: 'Could not be used.' },
    });
    expect(full.rewrites[0]?.diff?.some((part) => part.kind === 'added')).toBe(true);
    expect(full.rewrites[1]?.diff).toBeNull();
    expect(full.complete).toBe(true);

    const markdown = reportMarkdown(full);
    expect(markdown).toContain("## Coach's report");
    expect(markdown).toContain('- **Overall score (AI-judged, computed from the checked scores):** 3.5 / 5 (from 2 of 2 answers)');
    expect(markdown).toContain('- **event-driven systems with Kafka:** demonstrated — (“move it onto Kafka without a freeze”)');
    expect(markdown).toContain('- **mentoring engineers:** not reached');
    expect(markdown).toMatch(/#### A1 · Tell me about a time.*\n\n- \*\*Measured:\*\* \d+ words · \d+ words a minute \(within the band\) · 1 pause of 2 s or more, median pause 1\.5 s · started/);
    expect(markdown).toContain('typed (no pace)');
    expect(markdown).toContain('  - STAR: situation ✓, task ✗, action ✗, result ✗');
    expect(markdown).toContain('_Left out: the rewrite added facts that are not in your resume or answers (Stripe)._');
    expect(markdown).toContain('### Practice plan (AI-written)\n\n_Unavailable: Could not be used._');
  });

  it('shows "not enough evidence" when no answer has a verified score', () => {
    const record: ReportRecord = {
      ...newReportRecord('iv', 'm', 1),
      answers: {
        'iv-1': { status: 'done', value: judged(subject, 'A1', 5, 'an invented quote that is nowhere') },
        'iv-3': { status: 'done', value: judged(subject, 'A2', 5, 'an invented quote that is nowhere') },
      },
    };
    const view = buildReportView(subject, record);
    expect(view.overall).toEqual({ settled: true, score: null, basedOn: 0, of: 2 });
    expect(reportMarkdown(view)).toContain('computed from the checked scores):** not enough evidence');
    expect(reportMarkdown(view)).not.toContain('invented quote');
  });
});
