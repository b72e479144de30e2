// The eval's interview loop and report without the network: the app's machine, actors and prompts play the
// interviewer through scripted model calls, a scripted candidate answers, a scripted grader grades.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/lib/interview/index.ts';
import { planWith } from '../../src/lib/interview/testdata/plans.ts';
import type { LlmRequest, StreamResult } from '../../src/lib/llm/index.ts';
import type { Grade } from './criteria.ts';
import { formatReport } from './report.ts';
import { runInterview, type EvalDeps, type InterviewRun } from './run.ts';

const DOCUMENTS = { resume: 'Jane Doe. Led the move of billing to Kafka.', jobDescription: 'Senior Backend Engineer. Kafka.', instructions: '' };
const GRADE: Grade = { reason: 'r', grounded: true, previousAnswerVague: true, followsUpPreviousAnswer: true, oneQuestion: true, spokenStyle: true, repeatsEarlierQuestion: false };

/** Scripted model calls; records every request. */
function scripted(grades: string[] = []) {
  const requests: LlmRequest[] = [];
  const deps: EvalDeps = {
    candidateModel: 'candidate-model',
    graderModel: 'grader-model',
    options: {},
    llm: {
      generate: async (request) => {
        requests.push(request);
        if (request.json) return grades.shift() ?? JSON.stringify(GRADE);
        return 'I did some things there.';
      },
      streamGenerate: async function* (request): AsyncGenerator<string, StreamResult, undefined> {
        requests.push(request);
        const prompt = request.contents[0]?.text ?? '';
        const topic = /Move on to the (?:first|next) topic(?: of the plan)?: (.+?)\.|Next topic in the plan: (.+?)\./.exec(prompt);
        const text = prompt.includes('start of the interview')
          ? 'Welcome. Tell me about yourself.'
          : prompt.includes('The interview is over')
            ? 'Thank you.'
            : `DECISION: NEXT_TOPIC\nWhat about ${topic?.[1] ?? topic?.[2] ?? 'that'}?`;
        yield text;
        return { text, finishReason: 'STOP' };
      },
    },
  };
  return { deps, requests };
}

describe('runInterview', () => {
  it('plays the interview to its closing and grades every question but the closing', async () => {
    const { deps, requests } = scripted(['not json', JSON.stringify({ ...GRADE, grounded: false })]);
    const run = await runInterview(DOCUMENTS, planWith(['Kafka', 'Go']), 'vague', 'plan', { ...DEFAULT_SETTINGS, maxQuestions: 3 }, deps);
    expect(run.turns.map((turn) => turn.question)).toEqual(['Welcome. Tell me about yourself.', 'What about Kafka?', 'What about Go?']);
    expect(run.turns[0]?.verdicts?.grounded).toBe('fail');
    expect(run.turns[1]?.verdicts).toEqual({ grounded: 'pass', followsUpVague: 'pass', noRepeat: 'pass', oneQuestion: 'pass', spokenStyle: 'pass' });
    const candidate = requests.filter((request) => request.model === 'candidate-model');
    expect(candidate).toHaveLength(3);
    expect(candidate[0]?.system).toMatch(/answer vaguely/);
    const graded = requests.filter((request) => request.model === 'grader-model');
    expect(graded).toHaveLength(4);
    expect(graded[1]?.contents[0]?.text).toContain('<turn>\nWelcome. Tell me about yourself.\n</turn>');
  });

  it('gives the interviewer the probes with the whole plan and only topic names otherwise', async () => {
    const plan = planWith(['Kafka', 'Go']);
    const whole = scripted();
    await runInterview(DOCUMENTS, plan, 'strong', 'plan', { ...DEFAULT_SETTINGS, maxQuestions: 2 }, whole.deps);
    const names = scripted();
    await runInterview(DOCUMENTS, plan, 'strong', 'names-only', { ...DEFAULT_SETTINGS, maxQuestions: 2 }, names.deps);
    const turnPrompt = (requests: LlmRequest[]) => requests.find((request) => request.contents[0]?.text.includes('first topic of the plan'))?.contents[0]?.text ?? '';
    expect(turnPrompt(whole.requests)).toContain('- Led the Kafka work at Acme');
    expect(turnPrompt(names.requests)).not.toContain('Led the Kafka work');
    expect(turnPrompt(names.requests)).toContain('first topic of the plan: Kafka.');
  });
});

describe('formatReport', () => {
  it('prints each criterion’s share before and now, per candidate, and the turns left ungraded', () => {
    const pass = { grounded: 'pass', followsUpVague: 'n/a', noRepeat: 'pass', oneQuestion: 'pass', spokenStyle: 'pass' } as const;
    const runs: InterviewRun[] = [
      { persona: 'strong', variant: 'names-only', turns: [{ question: 'q', verdicts: { ...pass, grounded: 'fail' } }, { question: 'q', verdicts: pass }] },
      { persona: 'strong', variant: 'plan', turns: [{ question: 'q', verdicts: pass }, { question: 'q', verdicts: null }] },
    ];
    const report = formatReport(runs);
    expect(report).toContain('| names something from the resume or the job | 50% (1/2) | 100% (1/1) |');
    expect(report).toContain('| a vague answer gets a follow-up | — | — |');
    expect(report).toContain('| **every criterion** | 50% (1/2) | 100% (1/1) |');
    expect(report).toContain('| strong | 50% (1/2) | 100% (1/1) |');
    expect(report).toContain('| vague | — | — |');
    expect(report).toContain('1 turn(s) left out');
  });
});
