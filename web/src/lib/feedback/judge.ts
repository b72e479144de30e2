// The report's three kinds of model call, each validated and checked by code: one answer's judgement (evidence rules
// applied), a rewrite of a weak answer (fact-checked; asked again once, then left out with a note), and the practice
// plan. An unusable reply is asked again up to MAX_REPLY_TRIES tries in all, then the section is unavailable.
import { LlmError, type GenerateOptions, type LlmClient, type LlmRequest } from '../llm/index.ts';
import { answerTurns, type AnswerTurn } from './answers.ts';
import { applyEvidenceRules } from './evidence.ts';
import { unsupportedFacts } from './fact-check.ts';
import { answerScore } from './overall.ts';
import { judgeRequest, practiceRequest, rewriteRequest } from './prompts.ts';
import { verifyEvidence, withoutUnverifiedQuotes } from './quotes.ts';
import { JudgementReply, parseReply, PracticeReply, RewriteReply, UnusableReply } from './schemas.ts';
import { answersByLabel, interviewAsText, interviewTexts, type ReportSubject } from './subject.ts';
import { thinReason } from './thin.ts';
import { RUBRIC, type AnswerJudgement, type PracticePlan, type Rewrite } from './types.ts';

/** Tries of one call whose reply is unusable (not JSON, wrong shape, blocked, empty) before the section is unavailable. */
export const MAX_REPLY_TRIES = 3;

/** How the report reaches the model: the app shell's client (or a fake), and the proxy options (token, fetch). */
export interface ReportModel {
  generate: LlmClient['generate'];
  options?: Omit<GenerateOptions, 'signal'>;
}

/** A section's replies stayed unusable after every try: the screen says so and offers a retry. */
export class ReplyUnavailable extends Error {
  override readonly name = 'ReplyUnavailable';
  /** Plain words for the candidate. */
  readonly userMessage = `The AI's replies for this part could not be used (${String(MAX_REPLY_TRIES)} tries). Nothing is shown in their place.`;
}

// Kinds where the call went through but the reply was not one we can use: another try counts against the limit.
const UNUSABLE_KINDS: ReadonlySet<string> = new Set(['safety', 'recitation', 'empty', 'max-tokens']);

/** Calls the model in JSON mode and reads the reply with `read`, asking again on an unusable reply. */
export async function askJson<T>(model: ReportModel, request: LlmRequest, read: (text: string) => T, signal: AbortSignal): Promise<T> {
  let last: unknown;
  for (let attempt = 1; attempt <= MAX_REPLY_TRIES; attempt++) {
    signal.throwIfAborted();
    try {
      return read(await model.generate(request, { ...model.options, signal }));
    } catch (error) {
      const unusable = error instanceof UnusableReply || (error instanceof LlmError && UNUSABLE_KINDS.has(error.kind));
      if (!unusable) throw error;
      last = error;
    }
  }
  throw new ReplyUnavailable('Every reply was unusable.', { cause: last });
}

/** One answer judged and checked; an empty answer is not sent (there is nothing to judge). */
export async function judgeAnswer(subject: ReportSubject, turn: AnswerTurn, model: ReportModel, signal: AbortSignal): Promise<AnswerJudgement> {
  const turns = answerTurns(subject.transcript);
  const context = {
    turn,
    answers: answersByLabel(turns),
    requirements: subject.plan?.requirements ?? [],
    interviewType: subject.plan?.interviewType ?? subject.profile.interviewType,
    sources: interviewTexts(subject),
  };
  if (thinReason(turn.answer.text) === 'empty') return applyEvidenceRules(EMPTY_REPLY, context);
  const topic = subject.plan?.topics.find((candidate) => candidate.id === turn.question?.topicId) ?? null;
  const request = judgeRequest({
    model: subject.model,
    interviewType: context.interviewType,
    level: subject.plan?.level ?? subject.profile.level,
    requirements: context.requirements,
    topic: topic && { name: topic.name, why: topic.why },
    question: turn.question?.text ?? '',
    earlier: turn.followsUp && previousQuestion(subject, turn) !== null ? { question: previousQuestion(subject, turn) ?? '', answer: turn.followsUp.text } : null,
    label: turn.label,
    answer: turn.answer.text,
  });
  return askJson(model, request, (text) => applyEvidenceRules(parseReply(JudgementReply, text), context), signal);
}

/** The rewrite of a weak answer: fact-checked, asked again once with what it added, then left out with the names and numbers it added. */
export async function rewriteAnswer(subject: ReportSubject, turn: AnswerTurn, model: ReportModel, signal: AbortSignal): Promise<Rewrite> {
  const sources = [subject.documents.resume, ...interviewTexts(subject)];
  let unsupported: string[] = [];
  for (let round = 0; round < 2; round++) {
    const request = rewriteRequest({ model: subject.model, resume: subject.documents.resume, interview: interviewAsText(subject), question: turn.question?.text ?? '', answer: turn.answer.text, label: turn.label, unsupported });
    const reply = await askJson(model, request, (text) => parseReply(RewriteReply, text), signal);
    unsupported = unsupportedFacts(reply.rewrite, sources);
    if (unsupported.length === 0) return { answerId: turn.id, text: reply.rewrite, changes: reply.changes.map((change) => withoutUnverifiedQuotes(change, sources)), unsupported: [] };
  }
  return { answerId: turn.id, text: null, changes: [], unsupported };
}

/** The practice plan, from a summary of the verified judgements; each drill's quote checked (dropped, not the drill, when invented). */
export async function makePracticePlan(subject: ReportSubject, judgements: ReadonlyMap<string, AnswerJudgement>, model: ReportModel, signal: AbortSignal): Promise<PracticePlan> {
  const turns = answerTurns(subject.transcript);
  const labels = answersByLabel(turns);
  const sources = interviewTexts(subject);
  return askJson(
    model,
    practiceRequest({ model: subject.model, summary: practiceSummary(subject, judgements) }),
    (text) => ({
      drills: parseReply(PracticeReply, text).drills.map((drill) => ({
        title: withoutUnverifiedQuotes(drill.title, sources),
        why: withoutUnverifiedQuotes(drill.why, sources),
        how: withoutUnverifiedQuotes(drill.how, sources),
        evidence: drill.quote.trim() === '' ? null : verifyEvidence(labels, drill.turn, drill.quote),
      })),
    }),
    signal,
  );
}

/** What the practice prompt reads: each answer with its verified scores and improvements, built by code. */
export function practiceSummary(subject: ReportSubject, judgements: ReadonlyMap<string, AnswerJudgement>): string {
  const lines: string[] = [];
  for (const turn of answerTurns(subject.transcript)) {
    const judgement = judgements.get(turn.id);
    const words = turn.answer.text.split(/\s+/);
    lines.push(`${turn.label}. Question: ${turn.question?.text ?? ''}`, `Answer: ${words.slice(0, 80).join(' ')}${words.length > 80 ? ' …' : ''}`);
    if (!judgement) {
      lines.push('(not judged)', '');
      continue;
    }
    const scores = RUBRIC.flatMap((entry) => {
      const result = judgement.dimensions.find((candidate) => candidate.dimension === entry.id);
      if (!result || result.status === 'not-applicable') return [];
      return [`${entry.label} ${result.status === 'scored' ? String(result.score) : 'not enough evidence'}`];
    });
    lines.push(`Scores: ${scores.join(', ')}${judgement.thin ? ' (too thin to judge fully)' : ''}; answer score ${String(answerScore(judgement) ?? 'none')}`);
    for (const improvement of judgement.improvements) lines.push(`To improve: ${improvement.text}`);
    lines.push('');
  }
  const reached = new Set([...judgements.values()].flatMap((judgement) => judgement.requirements.map((claim) => claim.requirementId)));
  const missed = (subject.plan?.requirements ?? []).filter((requirement) => !reached.has(requirement.id));
  if (missed.length > 0) lines.push(`Job requirements the answers did not reach: ${missed.map((requirement) => requirement.text).join('; ')}`);
  return lines.join('\n').trim();
}

function previousQuestion(subject: ReportSubject, turn: AnswerTurn): string | null {
  const earlier = turn.followsUp;
  if (!earlier) return null;
  const index = subject.transcript.findIndex((entry) => entry.id === earlier.id);
  for (let i = index - 1; i >= 0; i--) {
    const entry = subject.transcript[i];
    if (entry?.role === 'interviewer') return entry.text;
  }
  return null;
}

const NO_DIMENSION = { reason: '', quote: '', score: 1 };
/** What an empty answer is judged as, without a call: nothing to quote, so nothing scored. */
const EMPTY_REPLY: JudgementReply = {
  turn: '',
  relevance: NO_DIMENSION,
  specificity: NO_DIMENSION,
  structure: NO_DIMENSION,
  ownership: NO_DIMENSION,
  impact: NO_DIMENSION,
  technicalDepth: { applies: false, ...NO_DIMENSION },
  star: { applies: false, situation: '', task: '', action: '', result: '' },
  strengths: [],
  improvements: [],
  requirements: [],
};
