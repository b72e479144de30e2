// Public face of the setup screen: the candidate's documents and instructions, the interview's type, level and plan.
export { SetupState, type SetupDeps, type SlotName, type SlotStatus } from './setup-state.svelte.ts';
export { PlanMaker, type PlanMakerDeps, type PlanStatus } from './plan-maker.svelte.ts';
export { chosenProfile, documentsOf, planToStart, type ChosenProfile } from './plan-draft.ts';
export { countWords } from './word-count.ts';
export { default as SetupScreen } from './SetupScreen.svelte';
