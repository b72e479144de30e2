// Public face of the voice's UI: the controls, the spoken caption and playing back the candidate's own answer.
export { default as SpokenQuestion } from './SpokenQuestion.svelte';
export { default as VoiceControls } from './VoiceControls.svelte';
export { default as AnswerPlayback } from './AnswerPlayback.svelte';
