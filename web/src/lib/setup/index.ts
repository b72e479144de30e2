// Public face of the setup screen: the candidate's documents and instructions.
export { SetupState, type SetupDeps, type SlotName, type SlotStatus } from './setup-state.svelte.ts';
export { countWords } from './word-count.ts';
export { default as SetupScreen } from './SetupScreen.svelte';
