// Public face of the shell's presentational Svelte components.
export { default as DemoBanner } from './DemoBanner.svelte';
export { default as Problem } from './Problem.svelte';
export { default as StatusPanel } from './StatusPanel.svelte';
export { default as TokenForm } from './TokenForm.svelte';
export { default as Unreachable } from './Unreachable.svelte';
