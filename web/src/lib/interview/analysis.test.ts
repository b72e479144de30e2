// The analysis trust boundary: valid plans are cleaned (topics, requirements, probes), anything else is a retryable AnalysisError.
import { describe, expect, it } from 'vitest';
import { AnalysisError, parseAnalysis } from './analysis.ts';

const topic = (name: string, extra: Record<string, unknown> = {}) => ({ name, why: `Why ${name}.`, requirements: [1], probes: ['Led the billing rewrite', 'Cut costs by 30%'], ...extra });

function plan(topics: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ strategy: 's', requirements: ['Python in production', 'Mentoring'], topics, ...extra });
}

describe('parseAnalysis', () => {
  it('accepts a plan, trims it, gives ids and records the interview type and level', () => {
    const text = JSON.stringify({
      strategy: '  Probe Python depth.  ',
      requirements: [' Python services ', 'Leading a team', 'AWS'],
      topics: [topic(' Python ', { requirements: [1, 3] }), topic('Team leadership', { requirements: [2] })],
    });
    expect(parseAnalysis(text, { interviewType: 'technical', level: 'senior' })).toEqual({
      strategy: 'Probe Python depth.',
      interviewType: 'technical',
      level: 'senior',
      requirements: [
        { id: 'r1', text: 'Python services' },
        { id: 'r2', text: 'Leading a team' },
        { id: 'r3', text: 'AWS' },
      ],
      topics: [
        { id: 't1', name: 'Python', why: 'Why Python .', requirementIds: ['r1', 'r3'], probes: ['Led the billing rewrite', 'Cut costs by 30%'] },
        { id: 't2', name: 'Team leadership', why: 'Why Team leadership.', requirementIds: ['r2'], probes: ['Led the billing rewrite', 'Cut costs by 30%'] },
      ],
    });
  });

  it.each([
    ['duplicates, any case', ['Python', 'python', ' PYTHON '], ['Python']],
    ['list marks and markdown', ['- **Python**', '2. Testing', '• Design'], ['Python', 'Testing', 'Design']],
    ['inner whitespace', ['Team \n  leadership'], ['Team leadership']],
    ['empty names dropped', ['', '  ', 'Go'], ['Go']],
    ['at most eight', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('cleans topic names: %s', (_name, names, expected) => {
    expect(parseAnalysis(plan(names.map((name) => topic(name)))).topics.map((t) => t.name)).toEqual(expected);
  });

  it.each([
    ['keeps strings of sensible length', ['Led the move to EKS at Acme', 'Cut deploy time from 40 to 8 min'], ['Led the move to EKS at Acme', 'Cut deploy time from 40 to 8 min']],
    ['drops non-strings', [42, null, { text: 'Led the move' }, ['a b'], 'Mentored two juniors'], ['Mentored two juniors']],
    ['drops too short ones and single words', ['EKS', 'Kafka', 'ok', 'Led the Kafka move'], ['Led the Kafka move']],
    ['drops a paragraph', ['x '.repeat(100), 'Led the Kafka move'], ['Led the Kafka move']],
    ['joins lines, removes list marks and markdown', ['- Led the **Kafka**\n move'], ['Led the Kafka move']],
    ['drops duplicates, any case', ['Led the Kafka move', 'led the kafka move'], ['Led the Kafka move']],
    ['keeps at most four', ['one two', 'three four', 'five six', 'seven eight', 'nine ten'], ['one two', 'three four', 'five six', 'seven eight']],
    ['not a list', 'Led the Kafka move', []],
  ])('probes: %s', (_name, probes, expected) => {
    expect(parseAnalysis(plan([topic('Python', { probes })])).topics[0]?.probes).toEqual(expected);
  });

  it('keeps only requirement numbers that exist, mapped past dropped and duplicate requirements', () => {
    const text = JSON.stringify({
      strategy: 's',
      requirements: ['Go', '', 'go', 'Postgres'],
      topics: [topic('A', { requirements: [1, 2, 3, 4, 9, 0, -1, 'x', 1] }), topic('B', { requirements: 'all' })],
    });
    const parsed = parseAnalysis(text);
    expect(parsed.requirements).toEqual([
      { id: 'r1', text: 'Go' },
      { id: 'r2', text: 'Postgres' },
    ]);
    expect(parsed.topics.map((t) => t.requirementIds)).toEqual([['r1', 'r2'], []]);
  });

  it('takes topics given as plain names (the earlier shape), and a plan without requirements', () => {
    const parsed = parseAnalysis(JSON.stringify({ strategy: 's', topics: ['Python', 'Go'] }));
    expect(parsed.requirements).toEqual([]);
    expect(parsed.topics).toEqual([
      { id: 't1', name: 'Python', why: '', requirementIds: [], probes: [] },
      { id: 't2', name: 'Go', why: '', requirementIds: [], probes: [] },
    ]);
    expect(parsed).toMatchObject({ interviewType: 'mixed', level: null });
  });

  it('cuts a long why to one line', () => {
    const why = parseAnalysis(plan([topic('A', { why: `Because\n${'very '.repeat(80)}long` })])).topics[0]?.why ?? '';
    expect(why.length).toBeLessThanOrEqual(200);
    expect(why).toMatch(/^Because very very/);
    expect(why).toMatch(/…$/);
  });

  it('reads a fenced answer', () => {
    expect(parseAnalysis('```json\n{"strategy":"s","topics":["a"]}\n```').topics.map((t) => t.name)).toEqual(['a']);
  });

  it.each([
    ['not JSON', 'STRATEGY: probe\nTOPICS:\n- a', 'invalid-json'],
    ['cut off', '{"strategy":"s","topics":["a"', 'invalid-json'],
    ['wrong shape', '{"plan":"x"}', 'invalid-shape'],
    ['topics not a list', '{"strategy":"s","topics":"a, b"}', 'invalid-shape'],
    ['a topic without a name', '{"strategy":"s","topics":[{"why":"w"}]}', 'invalid-shape'],
    ['empty strategy', '{"strategy":"  ","topics":["a"]}', 'invalid-shape'],
    ['no usable topic', '{"strategy":"s","topics":["", " "]}', 'invalid-shape'],
  ])('refuses %s', (_name, text, kind) => {
    let caught: unknown;
    try {
      parseAnalysis(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnalysisError);
    expect(caught).toMatchObject({ kind, retryable: true });
    expect((caught as AnalysisError).userMessage).toMatch(/try again/i);
  });
});
