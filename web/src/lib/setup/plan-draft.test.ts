// What the setup draft says about the interview to come: the level guessed until picked, the plan's basis, and
// which plan an interview starts from.
import { describe, expect, it } from 'vitest';
import { planWith } from '../interview/testdata/plans.ts';
import { emptyDraft, type DocumentsDraft } from '../storage/index.ts';
import { chosenProfile, draftPlan, planBasis, planIsCurrent, planToStart } from './plan-draft.ts';

function draftWith(patch: Partial<DocumentsDraft> = {}): DocumentsDraft {
  const draft = emptyDraft();
  draft.resume.text = 'Jane Doe. Led the move to Kafka.';
  draft.jobDescription.text = 'Senior Backend Engineer at Acme.';
  return { ...draft, ...patch };
}

describe('chosenProfile', () => {
  it('is mixed at the level the job description implies until the candidate picks', () => {
    expect(chosenProfile(draftWith())).toEqual({ interviewType: 'mixed', level: 'senior', levelGuessed: true });
    expect(chosenProfile(draftWith({ profile: { interviewType: 'behavioural', level: 'entry' } }))).toEqual({ interviewType: 'behavioural', level: 'entry', levelGuessed: false });
  });

  it('ignores stored values that are not a type or a level', () => {
    expect(chosenProfile(draftWith({ profile: { interviewType: 'friendly', level: 'guru' } }))).toEqual({ interviewType: 'mixed', level: 'senior', levelGuessed: true });
  });
});

describe('planBasis', () => {
  it('changes with the documents, the instructions, the type and the level, and with nothing else', () => {
    const base = draftWith();
    const basis = planBasis(base);
    expect(planBasis(draftWith({ limits: { maxMinutes: 10, maxQuestions: 3 }, updatedAt: 99 }))).toBe(basis);
    expect(planBasis(draftWith({ instructions: '  ' }))).toBe(basis);
    expect(planBasis(draftWith({ instructions: 'focus on Go' }))).not.toBe(basis);
    expect(planBasis(draftWith({ profile: { interviewType: 'technical' } }))).not.toBe(basis);
    expect(planBasis(draftWith({ profile: { interviewType: 'mixed', level: 'lead' } }))).not.toBe(basis);
    expect(planBasis(draftWith({ resume: { ...base.resume, text: 'Someone else.' } }))).not.toBe(basis);
  });
});

describe('planToStart', () => {
  const plan = planWith(['Kafka', 'Go']);

  it('is the plan shown when it was made from these documents, with today’s type and level', () => {
    const draft = draftWith({ profile: { interviewType: 'behavioural' } });
    draft.plan = { plan, basis: planBasis(draft), edited: false };
    expect(planIsCurrent(draft)).toBe(true);
    expect(planToStart(draft)).toEqual({ ...plan, interviewType: 'behavioural', level: 'senior' });
  });

  it('is none when an unshaped plan was made from other documents (the interview analyses at the start)', () => {
    const draft = draftWith({ plan: { plan, basis: 'older', edited: false } });
    expect(planToStart(draft)).toBeNull();
  });

  it('is the candidate’s shaped plan even after the documents changed', () => {
    const draft = draftWith({ plan: { plan, basis: 'older', edited: true } });
    expect(planToStart(draft)?.topics.map((topic) => topic.name)).toEqual(['Kafka', 'Go']);
  });

  it('reads a damaged stored plan as none', () => {
    const draft = draftWith({ plan: { plan: { topics: 'x' }, basis: 'b', edited: true } });
    expect(draftPlan(draft)).toBeNull();
    expect(planToStart(draft)).toBeNull();
  });
});

describe('draftPlan', () => {
  it('keeps names exactly as typed, an empty or repeated one too, so the input never changes under the cursor', () => {
    const plan = planWith(['Kafka', 'Go']);
    plan.topics[0]!.name = 'Go ';
    plan.topics[1]!.name = '';
    const draft = draftWith({ plan: { plan, basis: 'b', edited: true } });
    expect(draftPlan(draft)?.topics.map((topic) => topic.name)).toEqual(['Go ', '']);
    expect(planToStart(draft)?.topics.map((topic) => topic.name)).toEqual(['Go']);
  });
});
