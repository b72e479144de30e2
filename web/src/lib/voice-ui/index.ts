// Public face of the voice's UI: the controls and the spoken caption.
export { default as SpokenQuestion } from './SpokenQuestion.svelte';
export { default as VoiceControls } from './VoiceControls.svelte';
