import { expect, it } from 'vitest';
import { practiceInstructions } from './practice-instructions.ts';

it('lists the drills as instructions for the next interview', () => {
  const plan = { drills: [{ title: 'Finish with the result', why: 'w', how: 'End every story with what changed.', evidence: null }, { title: 'Say I', why: 'w', how: 'Use I.', evidence: null }] };
  expect(practiceInstructions(plan)).toBe('Practice focus from my last report; give me chances to practise these:\n1. Finish with the result: End every story with what changed.\n2. Say I: Use I.');
});
