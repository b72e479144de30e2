// How the engine the app shell built reaches the answer controls without every screen in between carrying it.
import { getContext, setContext } from 'svelte';
import type { SpeechToTextEngine } from '../engine.ts';

/** The engine in use now, or null while none is available (the candidate types). Read when an answer starts. */
export type SpeechToTextSource = () => SpeechToTextEngine | null;

const KEY = Symbol('speech-to-text engine');

/** Makes `source` the engine of every answer control below the calling component (call during its setup). */
export function provideSpeechToText(source: SpeechToTextSource): void {
  setContext(KEY, source);
}

/** The source the shell provided; one that never has an engine when none was provided. */
export function speechToTextSource(): SpeechToTextSource {
  return getContext<SpeechToTextSource | undefined>(KEY) ?? (() => null);
}
