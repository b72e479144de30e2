// The eval's own checks and sums: question counting, spoken style, repeats, grade validation, verdicts and shares.
import { describe, expect, it } from 'vitest';
import { isRepeat, isSpokenStyle, parseGrade, questionCount, summarise, verdictsFor, type Grade, type TurnVerdicts } from './criteria.ts';

const GOOD: Grade = { reason: 'r', grounded: true, previousAnswerVague: false, followsUpPreviousAnswer: false, oneQuestion: true, spokenStyle: true, repeatsEarlierQuestion: false };

describe('code checks', () => {
  it.each([
    ['Thanks. What broke first when you moved billing to Kafka?', 1],
    ['What did you do? And why?', 2],
    ['Tell me about the move.', 0],
  ])('counts the questions in %j', (text, count) => {
    expect(questionCount(text)).toBe(count);
  });

  it.each([
    ['Thanks. What broke first when you moved billing to Kafka?', true],
    ['**Great.** What broke first?', false],
    ['Two things:\n- the queue\n- the database', false],
    ['(smiles) What broke first?', false],
    ['Great answer 👍 What next?', false],
    [`${'word '.repeat(81)}?`, false],
  ])('spoken style of %j', (text, expected) => {
    expect(isSpokenStyle(text)).toBe(expected);
  });

  it('finds a question asked again in other words, not a new one on the same topic', () => {
    const earlier = ['What broke first when you moved the billing service to Kafka?'];
    expect(isRepeat('When you moved the billing service to Kafka, what broke first?', earlier)).toBe(true);
    expect(isRepeat('How did you decide how many Kafka partitions billing needed?', earlier)).toBe(false);
    expect(isRepeat('Why?', earlier)).toBe(false);
  });
});

describe('grades and verdicts', () => {
  it('accepts only a complete grade', () => {
    expect(parseGrade(JSON.stringify(GOOD))).toEqual(GOOD);
    expect(parseGrade(JSON.stringify({ ...GOOD, grounded: 'yes' }))).toBeNull();
    expect(parseGrade('{"reason": "cut')).toBeNull();
  });

  it('owes a follow-up only after a vague answer, and lets code overrule the grader on form', () => {
    const question = 'What did you measure? And who decided?';
    expect(verdictsFor(question, [], GOOD)).toEqual({ grounded: 'pass', followsUpVague: 'n/a', noRepeat: 'pass', oneQuestion: 'fail', spokenStyle: 'pass' });
    expect(verdictsFor('What did you measure?', ['What did you measure?'], { ...GOOD, previousAnswerVague: true, followsUpPreviousAnswer: false })).toEqual({
      grounded: 'pass',
      followsUpVague: 'fail',
      noRepeat: 'pass',
      oneQuestion: 'pass',
      spokenStyle: 'pass',
    });
    expect(verdictsFor('When you led the Kafka migration, what broke first?', ['What broke first when you led the Kafka migration?'], GOOD).noRepeat).toBe('fail');
  });

  it('sums up passes over the turns each criterion applies to', () => {
    const pass: TurnVerdicts = { grounded: 'pass', followsUpVague: 'n/a', noRepeat: 'pass', oneQuestion: 'pass', spokenStyle: 'pass' };
    const shares = summarise([pass, { ...pass, followsUpVague: 'pass' }, { ...pass, grounded: 'fail', followsUpVague: 'fail' }]);
    expect(shares.grounded).toEqual({ passed: 2, applicable: 3 });
    expect(shares.followsUpVague).toEqual({ passed: 1, applicable: 2 });
    expect(shares.all).toEqual({ passed: 2, applicable: 3 });
  });
});
