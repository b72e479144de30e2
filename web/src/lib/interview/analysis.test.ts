// The analysis trust boundary: valid plans are cleaned, anything else is a retryable AnalysisError.
import { describe, expect, it } from 'vitest';
import { AnalysisError, parseAnalysis } from './analysis.ts';

describe('parseAnalysis', () => {
  it('accepts a plan and trims it', () => {
    expect(parseAnalysis(JSON.stringify({ strategy: '  Probe Python depth.  ', topics: [' Python ', 'Team leadership', 'System design'] }))).toEqual({
      strategy: 'Probe Python depth.',
      topics: ['Python', 'Team leadership', 'System design'],
    });
  });

  it.each([
    ['duplicates, any case', ['Python', 'python', ' PYTHON '], ['Python']],
    ['list marks and markdown', ['- **Python**', '2. Testing', '• Design'], ['Python', 'Testing', 'Design']],
    ['inner whitespace', ['Team \n  leadership'], ['Team leadership']],
    ['empty names dropped', ['', '  ', 'Go'], ['Go']],
    ['at most eight', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ])('cleans topics: %s', (_name, topics, expected) => {
    expect(parseAnalysis(JSON.stringify({ strategy: 's', topics })).topics).toEqual(expected);
  });

  it('reads a fenced answer', () => {
    expect(parseAnalysis('```json\n{"strategy":"s","topics":["a"]}\n```').topics).toEqual(['a']);
  });

  it.each([
    ['not JSON', 'STRATEGY: probe\nTOPICS:\n- a', 'invalid-json'],
    ['cut off', '{"strategy":"s","topics":["a"', 'invalid-json'],
    ['wrong shape', '{"plan":"x"}', 'invalid-shape'],
    ['topics not a list', '{"strategy":"s","topics":"a, b"}', 'invalid-shape'],
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
