// Public face of the interview screen and the live session behind it.
export { InterviewSession, type SessionDeps } from './session.svelte.ts';
export { default as InterviewScreen } from './InterviewScreen.svelte';
