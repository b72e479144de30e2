// What the setup draft says about the interview to come: its documents, type and level (the level the job
// description implies until the candidate picks one), the plan shown, and the plan an interview starts from. Pure.
import {
  guessLevel,
  isInterviewLevel,
  isInterviewType,
  normalisePlan,
  settledPlan,
  type InterviewDocuments,
  type InterviewLevel,
  type InterviewPlan,
  type InterviewType,
} from '../interview/index.ts';
import type { DocumentsDraft } from '../storage/index.ts';

/** The type and level the setup screen shows: always a level, and whether it is the job description's guess. */
export interface ChosenProfile {
  interviewType: InterviewType;
  level: InterviewLevel;
  /** True while the level is the one the job description implies (the candidate has not picked one). */
  levelGuessed: boolean;
}

/** The type the interview has when nobody chose one. */
export const DEFAULT_INTERVIEW_TYPE: InterviewType = 'mixed';

/** The documents the interview reads, as the draft holds them now. */
export function documentsOf(draft: DocumentsDraft): InterviewDocuments {
  return { resume: draft.resume.text, jobDescription: draft.jobDescription.text, instructions: draft.instructions };
}

/** Whether both documents have text: only then can a plan be made or the interview start. */
export function hasBothDocuments(draft: DocumentsDraft): boolean {
  return draft.resume.text.trim() !== '' && draft.jobDescription.text.trim() !== '';
}

/** The type and level chosen, a stored value that is not one falling back to the default or the guess. */
export function chosenProfile(draft: DocumentsDraft): ChosenProfile {
  const stored = draft.profile;
  const picked = isInterviewLevel(stored?.level) ? stored.level : null;
  return {
    interviewType: isInterviewType(stored?.interviewType) ? stored.interviewType : DEFAULT_INTERVIEW_TYPE,
    level: picked ?? guessLevel(draft.jobDescription.text),
    levelGuessed: picked === null,
  };
}

/** A fingerprint of what a plan is made from: the documents, the instructions, the type and the level. */
export function planBasis(draft: DocumentsDraft): string {
  const { interviewType, level } = chosenProfile(draft);
  const documents = documentsOf(draft);
  return fingerprint(JSON.stringify([documents.resume.trim(), documents.jobDescription.trim(), documents.instructions.trim(), interviewType, level]));
}

/** The plan shown on the setup screen, read back safely with its names as typed; null when there is none. */
export function draftPlan(draft: DocumentsDraft): InterviewPlan | null {
  return draft.plan ? normalisePlan(draft.plan.plan, undefined, { namesAsTyped: true }) : null;
}

/** Whether the plan shown was made from what the draft holds now. */
export function planIsCurrent(draft: DocumentsDraft): boolean {
  return draft.plan !== undefined && draft.plan.basis === planBasis(draft);
}

/**
 * The plan an interview starts from: the one shown when it was made from these documents, or when the candidate
 * shaped it (theirs wins, even over changed documents), with today's type and level; null means "analyse at the start".
 */
export function planToStart(draft: DocumentsDraft): InterviewPlan | null {
  const plan = draftPlan(draft);
  if (plan === null || !(planIsCurrent(draft) || draft.plan?.edited === true)) return null;
  const { interviewType, level } = chosenProfile(draft);
  return settledPlan({ ...plan, interviewType, level });
}

// cyrb53: a fast 53-bit string hash; collisions only cost a plan being reused for documents that differ.
function fingerprint(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
