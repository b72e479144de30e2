// The report as a Markdown section, for the interview's Markdown export: measured and AI-judged parts labelled as
// such, every quote the candidate's own words (already checked), sections not ready or unavailable said so. Pure.
import type { AnswerView, ReportView } from './report-view.ts';
import { RUBRIC, STAR_PARTS, type Evidence, type SectionState } from './types.ts';
import { describeFillers, describeLatency, describePace, describePauses, describePronouns, formatScore } from './wording.ts';

/** The report section of the Markdown export. */
export function reportMarkdown(view: ReportView): string {
  const { delivery } = view;
  const lines = [
    "## Coach's report",
    '',
    `_Measured: counted on this device from your words and timings. AI-judged: the model's judgement (rubric version ${String(view.rubricVersion)}), each point tied to your own words, checked by code; a score with no quote that could be found in your answer is shown as "not enough evidence"._`,
    '',
    '### Overall',
    '',
    `- **Overall score (AI-judged, computed from the checked scores):** ${overallText(view)}`,
    `- **Talk ratio (measured):** ${delivery.talkRatio === null ? '—' : `you said ${String(Math.round(delivery.talkRatio * 100))}% of the words`}`,
    `- **Pace (measured):** ${delivery.medianWpm === null ? 'no spoken answer long enough to measure' : `median ${String(delivery.medianWpm)} words a minute`} (comfortable band ${String(delivery.band.slowest)}–${String(delivery.band.fastest)})`,
    `- **Fillers (measured):** ${describeFillers(delivery.fillers)}`,
    `- **"I" and "we" (measured):** ${describePronouns(delivery.pronouns)}`,
  ];
  if (delivery.repeatedAcross.length > 0) lines.push(`- **Said in several answers (measured):** ${delivery.repeatedAcross.map((phrase) => `“${phrase.phrase}” (${String(phrase.count)} answers)`).join(', ')}`);
  lines.push('');
  if (view.requirements.length > 0) {
    lines.push('### Job requirements (AI-judged)', '');
    for (const outcome of view.requirements) {
      lines.push(`- **${inline(outcome.requirement.text)}:** ${outcome.status === 'not-reached' ? 'not reached' : `${outcome.status} — ${quote(outcome.evidence)}`}`);
    }
    lines.push('');
  }
  if (view.strengths.length > 0 || view.improvements.length > 0) {
    lines.push('### Strengths and what to improve (AI-judged)', '');
    for (const point of view.strengths) lines.push(`- **Strength:** ${inline(point.text)} ${quote(point.evidence)}`);
    for (const point of view.improvements) lines.push(`- **To improve:** ${inline(point.text)} ${quote(point.evidence)}`);
    lines.push('');
  }
  lines.push('### Answer by answer', '');
  for (const answer of view.answers) lines.push(...answerLines(answer));
  if (view.rewrites.length > 0) {
    lines.push('### Your weakest answers, rewritten (AI-written, fact-checked)', '');
    for (const rewrite of view.rewrites) {
      lines.push(`#### ${rewrite.turn.label}`, '');
      lines.push(
        ...section(rewrite.state, (value) =>
          value.text === null
            ? [`_Left out: the rewrite added facts that are not in your resume or answers (${value.unsupported.join(', ')})._`]
            : [...value.text.split(/\r?\n/).map((line) => `> ${line}`), ...(value.changes.length > 0 ? ['', ...value.changes.map((change) => `- ${inline(change)}`)] : [])],
        ),
        '',
      );
    }
  }
  lines.push('### Practice plan (AI-written)', '');
  lines.push(
    ...section(view.practice, (plan) =>
      plan.drills.flatMap((drill, index) => [`${String(index + 1)}. **${inline(drill.title)}** — ${inline(drill.why)} ${inline(drill.how)}${drill.evidence ? ` ${quote(drill.evidence)}` : ''}`]),
    ),
    '',
  );
  return lines.join('\n');
}

function answerLines(answer: AnswerView): string[] {
  const { turn, delivery } = answer;
  const lines = [`#### ${turn.label} · ${inline(turn.question?.text ?? '')}`, ''];
  const measured = [
    `${String(delivery.words)} words`,
    describePace(delivery.pace),
    delivery.pauses ? describePauses(delivery.pauses) : null,
    delivery.latencySeconds === null ? null : describeLatency(delivery.latencySeconds),
    `fillers ${describeFillers(delivery.fillers)}`,
    `hedges ${String(delivery.hedges)}`,
    describePronouns(delivery.pronouns),
  ].filter((part) => part !== null);
  lines.push(`- **Measured:** ${measured.join(' · ')}`);
  lines.push(
    ...section(answer.judgement, (judgement) => {
      const out = [`- **AI-judged score:** ${answer.score === null ? (judgement.thin ? 'too thin to judge' : 'not enough evidence') : `${formatScore(answer.score)} / 5`}`];
      for (const entry of RUBRIC) {
        const result = judgement.dimensions.find((candidate) => candidate.dimension === entry.id);
        if (!result || result.status === 'not-applicable') continue;
        out.push(result.status === 'scored' ? `  - ${entry.label}: ${String(result.score)} — ${inline(result.reason)} ${quote(result.evidence)}` : `  - ${entry.label}: not enough evidence`);
      }
      if (judgement.star) out.push(`  - STAR: ${STAR_PARTS.map((part) => `${part} ${judgement.star?.[part] ? '✓' : '✗'}`).join(', ')}`);
      if (judgement.droppedQuotes > 0) out.push(`  - ${String(judgement.droppedQuotes)} quote(s) the AI gave were not in your answer and were dropped.`);
      return out;
    }),
    '',
  );
  return lines;
}

function section<T>(state: SectionState<T>, render: (value: T) => string[]): string[] {
  switch (state.status) {
    case 'done':
      return render(state.value);
    case 'unavailable':
      return [`_Unavailable: ${state.message}_`];
    case 'waiting':
      return [`_Not ready: ${state.message}_`];
    case 'pending':
    case 'running':
      return ['_Not ready yet._'];
    default:
      return assertNever(state);
  }
}

function overallText(view: ReportView): string {
  if (!view.overall.settled) return `not ready yet (${String(view.progress.judged)} of ${String(view.progress.total)} answers judged)`;
  if (view.overall.score === null) return 'not enough evidence';
  return `${formatScore(view.overall.score)} / 5 (from ${String(view.overall.basedOn)} of ${String(view.overall.of)} answers)`;
}

function quote(evidence: Evidence): string {
  return `(“${inline(evidence.quote)}”)`;
}

function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
