// A scripted stand-in for the language model in the report's unit tests: it answers each request with whatever the
// test's script returns (a reply object, raw text, or an error), and records the requests.
import type { LlmRequest } from '../../llm/index.ts';
import type { ReportModel } from '../judge.ts';

/** What a script answers: an object (sent as JSON), raw text, or an error to throw. */
export type ScriptedAnswer = object | string | Error;

/** A ReportModel whose replies come from `script`; `requests` lists what was asked. */
export function scriptedModel(script: (request: LlmRequest, index: number) => ScriptedAnswer | Promise<ScriptedAnswer>): ReportModel & { requests: LlmRequest[] } {
  const requests: LlmRequest[] = [];
  return {
    requests,
    async generate(request, options) {
      options?.signal?.throwIfAborted();
      requests.push(request);
      const answer = await script(request, requests.length - 1);
      if (answer instanceof Error) throw answer;
      return typeof answer === 'string' ? answer : JSON.stringify(answer);
    },
    streamGenerate() {
      throw new Error('The report never streams.');
    },
  } as ReportModel & { requests: LlmRequest[] };
}

/** The answer's text and label a judge request carries (from its <answer_to_judge> fence). */
export function judgedAnswer(request: LlmRequest): { label: string; text: string } {
  const prompt = request.contents.map((turn) => turn.text).join('\n');
  const match = /<answer_to_judge label="([^"]+)">\n([\s\S]*?)\n<\/answer_to_judge>/.exec(prompt);
  return { label: match?.[1] ?? '', text: match?.[2] ?? '' };
}

/** Which report call a request is. */
export function requestKind(request: LlmRequest): 'judge' | 'rewrite' | 'practice' {
  const prompt = request.contents.map((turn) => turn.text).join('\n');
  if (prompt.includes('<answer_to_judge')) return 'judge';
  if (prompt.includes('<answer_to_rewrite')) return 'rewrite';
  return 'practice';
}

/** A judgement reply where every dimension has `score` and `quote`, naming `turn`. */
export function judgementReply(turn: string, score: number, quote: string, extra: Partial<Record<string, unknown>> = {}): Record<string, unknown> {
  const dimension = { reason: 'Reason first.', quote, score };
  return {
    turn,
    relevance: dimension,
    specificity: dimension,
    structure: dimension,
    ownership: dimension,
    impact: dimension,
    technicalDepth: { applies: false, reason: '', quote: '', score: 1 },
    star: { applies: true, situation: quote, task: '', action: '', result: '' },
    strengths: [{ point: 'You were specific.', quote }],
    improvements: [{ point: 'Say what changed.', quote }],
    requirements: [{ requirement: 1, status: 'demonstrated', quote }],
    ...extra,
  };
}
