// The runs of `pnpm eval:report`: each golden answer judged several times by the app's own judge (prompts,
// validation, evidence rules), the model call passed in, so the same code runs against the real model and, in its
// test, against scripted fakes.
import { answerTurns, judgeAnswer, type AnswerJudgement, type ReportModel } from '../../src/lib/feedback/index.ts';
import { GOLDEN_NAMES, goldenSubject, type GoldenName } from '../../src/lib/feedback/testdata/golden.ts';

/** Every judgement of one golden answer, or the error a run ended with. */
export interface GoldenRuns {
  name: GoldenName;
  runs: ({ judgement: AnswerJudgement } | { error: string })[];
}

/** Judges every golden answer `times` times with `model` (one after another, to spare the quota). */
export async function judgeGoldens(model: ReportModel, times: number, names: readonly GoldenName[] = GOLDEN_NAMES, onProgress: (name: GoldenName) => void = () => undefined): Promise<GoldenRuns[]> {
  const results: GoldenRuns[] = [];
  for (const name of names) {
    onProgress(name);
    const subject = goldenSubject(name);
    const turn = answerTurns(subject.transcript)[0];
    if (!turn) throw new Error(`the golden interview ${name} has no answer`);
    const runs: GoldenRuns['runs'] = [];
    for (let run = 0; run < times; run++) {
      try {
        runs.push({ judgement: await judgeAnswer(subject, turn, model, new AbortController().signal) });
      } catch (error) {
        runs.push({ error: error instanceof Error ? error.message : String(error) });
      }
    }
    results.push({ name, runs });
  }
  return results;
}
