// The non-network logic of `pnpm eval:report`: the golden answers run through scripted models, and the checks pass
// or fail as they should; without a key the script stops cleanly.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LlmError, type LlmRequest } from '../../src/lib/llm/index.ts';
import { judgedAnswer, judgementReply, scriptedModel } from '../../src/lib/feedback/testdata/scripted-model.ts';
import { checkRuns, formatEval } from './checks.ts';
import { judgeGoldens } from './run.ts';

/** A model that scores by length, quoting the answer's first words; `wobble` adds a run-dependent offset. */
function lengthModel(wobble: (run: number) => number) {
  let calls = 0;
  return scriptedModel((request: LlmRequest) => {
    const { label, text } = judgedAnswer(request);
    const words = text.split(/\s+/);
    const base = words.length > 60 ? 4 : 2;
    const score = Math.max(1, Math.min(5, base + wobble(calls++)));
    return judgementReply(label, score, words.slice(0, 5).join(' '));
  });
}

describe('pnpm eval:report checks', () => {
  it('passes a model that ranks the strong answer first and stays steady', async () => {
    const results = await judgeGoldens(lengthModel(() => 0), 3);
    const checks = checkRuns(results);
    expect(checks.filter((check) => !check.pass)).toEqual([]);
    expect(checks.map((check) => check.name)).toContain('strong outscores fine');
    expect(formatEval(results, checks)).toMatch(/\| strong \| 4, 4, 4 \| 0, 0, 0 \|/);
  });

  it('fails a model whose scores swing by two points between runs', async () => {
    // The second run of each answer scores two points higher ("fine": 2, 4, 2).
    const checks = checkRuns(await judgeGoldens(lengthModel((call) => (call % 3 === 1 ? 2 : 0)), 3));
    expect(checks.find((check) => check.name === 'fine: scores within 1 point across runs')).toEqual({ name: 'fine: scores within 1 point across runs', pass: false, detail: 'widest: Relevance 2' });
  });

  it('fails when the strong answer does not outscore a weak one, and reports failed runs', async () => {
    const flat = scriptedModel((request) => judgementReply(judgedAnswer(request).label, 2, judgedAnswer(request).text.split(/\s+/).slice(0, 5).join(' ')));
    expect(checkRuns(await judgeGoldens(flat, 2)).find((check) => check.name === 'strong outscores fine')?.pass).toBe(false);
    const failing = scriptedModel(() => new LlmError('quota-exhausted', 'out of quota'));
    const checks = checkRuns(await judgeGoldens(failing, 2, ['strong']));
    expect(checks).toEqual([{ name: 'strong: scores within 1 point across runs', pass: false, detail: '2 of 2 runs failed' }]);
  });

  it('stops with a plain message and exit code 0 when no key is set', () => {
    const { GEMINI_API_KEY: _key, ...env } = process.env;
    const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../report.ts', import.meta.url))], { env, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/needs GEMINI_API_KEY; it is not set, so nothing was run\./);
  }, 60_000);
});
