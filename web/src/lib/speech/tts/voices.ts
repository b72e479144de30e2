// Every English Kokoro voice the app offers, as kokoro-js 1.2.1 lists them (its VOICES table): a pure list the
// voice picker renders, and which of them it shows by default (natural, professional ones). The same ids are the
// files build/speech-assets.ts serves at /voices/<id>.bin.

/** How a voice's English sounds. */
export type VoiceAccent = 'American' | 'British';

/** A voice's gender as kokoro-js labels it. */
export type VoiceGender = 'Female' | 'Male';

/** One Kokoro voice. */
export interface KokoroVoice {
  /** kokoro-js' id, e.g. af_bella (a/b: American/British, f/m: female/male). */
  id: string;
  name: string;
  accent: VoiceAccent;
  gender: VoiceGender;
  /** Kokoro's own overall quality grade, A (best) to F. */
  grade: string;
}

/** The seed's voice. */
export const DEFAULT_VOICE_ID = 'af_bella';

const voice = (id: string, name: string, grade: string): KokoroVoice => ({
  id,
  name,
  accent: id.startsWith('a') ? 'American' : 'British',
  gender: id[1] === 'f' ? 'Female' : 'Male',
  grade,
});

/** Every voice, in kokoro-js' order. Warning: kokoro-js throws on an id that is not in its table. */
export const KOKORO_VOICES: readonly KokoroVoice[] = [
  voice('af_heart', 'Heart', 'A'),
  voice('af_alloy', 'Alloy', 'C'),
  voice('af_aoede', 'Aoede', 'C+'),
  voice('af_bella', 'Bella', 'A-'),
  voice('af_jessica', 'Jessica', 'D'),
  voice('af_kore', 'Kore', 'C+'),
  voice('af_nicole', 'Nicole', 'B-'),
  voice('af_nova', 'Nova', 'C'),
  voice('af_river', 'River', 'D'),
  voice('af_sarah', 'Sarah', 'C+'),
  voice('af_sky', 'Sky', 'C-'),
  voice('am_adam', 'Adam', 'F+'),
  voice('am_echo', 'Echo', 'D'),
  voice('am_eric', 'Eric', 'D'),
  voice('am_fenrir', 'Fenrir', 'C+'),
  voice('am_liam', 'Liam', 'D'),
  voice('am_michael', 'Michael', 'C+'),
  voice('am_onyx', 'Onyx', 'D'),
  voice('am_puck', 'Puck', 'C+'),
  voice('am_santa', 'Santa', 'D-'),
  voice('bf_emma', 'Emma', 'B-'),
  voice('bf_isabella', 'Isabella', 'C'),
  voice('bm_george', 'George', 'C'),
  voice('bm_lewis', 'Lewis', 'D+'),
  voice('bf_alice', 'Alice', 'D'),
  voice('bf_lily', 'Lily', 'D'),
  voice('bm_daniel', 'Daniel', 'D'),
  voice('bm_fable', 'Fable', 'C'),
];

/** The voice with this id, or undefined. */
export function findVoice(id: string): KokoroVoice | undefined {
  return KOKORO_VOICES.find((candidate) => candidate.id === id);
}

// Kokoro's grades, best first.
const GRADES = ['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F+', 'F', 'F-'] as const;

/** The lowest grade the picker shows by default: below it voices sound synthetic or odd (Santa is D-). */
export const LOWEST_DEFAULT_GRADE = 'C';

// Well graded but not an interviewer's voice: Nicole whispers (kokoro-js marks her for headphones).
const NOVELTY_VOICE_IDS: ReadonlySet<string> = new Set(['af_nicole']);

/** Whether a voice sounds like a professional interviewer: graded C or better and not a novelty. */
export function isProfessionalVoice(voice: KokoroVoice): boolean {
  const rank = GRADES.indexOf(voice.grade as (typeof GRADES)[number]);
  return rank !== -1 && rank <= GRADES.indexOf(LOWEST_DEFAULT_GRADE) && !NOVELTY_VOICE_IDS.has(voice.id);
}

/** The voices the picker lists: every one with `all`, else the professional ones and the one already chosen, in table order. */
export function offeredVoices(chosen: string, all: boolean, voices: readonly KokoroVoice[] = KOKORO_VOICES): KokoroVoice[] {
  return voices.filter((voice) => all || voice.id === chosen || isProfessionalVoice(voice));
}
