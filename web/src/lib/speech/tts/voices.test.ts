// The voice list against kokoro-js' own table and the voice files the build serves; the default list keeps the
// natural, professional voices.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KokoroTTS } from 'kokoro-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_ID, findVoice, isProfessionalVoice, KOKORO_VOICES, offeredVoices } from './voices.ts';

// kokoro-js keeps its table private; an instance exposes it (the constructor only stores its arguments).
const kokoroTable = new KokoroTTS(null as never, null as never).voices as Record<string, { name: string; language: string; gender: string; overallGrade: string }>;

describe('KOKORO_VOICES', () => {
  it('is kokoro-js table, id for id, in its order', () => {
    expect(KOKORO_VOICES.map((voice) => voice.id)).toEqual(Object.keys(kokoroTable));
  });

  it.each(KOKORO_VOICES.map((voice) => [voice.id, voice] as const))('%s has kokoro-js name, accent, gender and grade', (id, voice) => {
    const row = kokoroTable[id]!;
    expect(voice).toEqual({
      id,
      name: row.name,
      accent: row.language === 'en-us' ? 'American' : 'British',
      gender: row.gender,
      grade: row.overallGrade,
    });
  });

  it('has a voice file in kokoro-js for every voice (served at /voices/<id>.bin)', () => {
    const packageDir = path.dirname(path.dirname(createRequire(import.meta.url).resolve('kokoro-js')));
    const files = readdirSync(path.join(packageDir, 'voices'));
    for (const voice of KOKORO_VOICES) expect(files).toContain(`${voice.id}.bin`);
  });
});

describe('voice lookup', () => {
  it('defaults to the seed voice, Bella', () => {
    expect(findVoice(DEFAULT_VOICE_ID)).toMatchObject({ name: 'Bella', accent: 'American', gender: 'Female' });
  });
});

describe('the default voice list', () => {
  const ids = (all: boolean, chosen = DEFAULT_VOICE_ID) => offeredVoices(chosen, all).map((voice) => voice.id);

  it('shows the voices graded C or better, without the whispering or novelty ones', () => {
    expect(ids(false)).toEqual(['af_heart', 'af_alloy', 'af_aoede', 'af_bella', 'af_kore', 'af_nova', 'af_sarah', 'am_fenrir', 'am_michael', 'am_puck', 'bf_emma', 'bf_isabella', 'bm_george', 'bm_fable']);
    expect(ids(false)).not.toContain('am_santa');
    expect(ids(false)).not.toContain('af_nicole');
  });

  it('offers a woman and a man in each accent', () => {
    for (const accent of ['American', 'British'] as const) {
      for (const gender of ['Female', 'Male'] as const) {
        expect(offeredVoices(DEFAULT_VOICE_ID, false).some((voice) => voice.accent === accent && voice.gender === gender), `${accent} ${gender}`).toBe(true);
      }
    }
  });

  it('keeps the default voice and a voice the candidate already chose, even one left out by default', () => {
    expect(isProfessionalVoice(findVoice(DEFAULT_VOICE_ID)!)).toBe(true);
    expect(ids(false, 'am_santa')).toContain('am_santa');
    expect(ids(false, 'am_santa')).toHaveLength(ids(false).length + 1);
  });

  it.each<[string, string, boolean]>([
    ['A', 'af_x', true],
    ['C', 'af_x', true],
    ['C-', 'af_x', false],
    ['D+', 'af_x', false],
    ['F+', 'af_x', false],
    ['B-', 'af_nicole', false],
    ['unknown', 'af_x', false],
  ])('grade %s (%s) → professional: %s', (grade, id, professional) => {
    expect(isProfessionalVoice({ id, name: 'X', accent: 'American', gender: 'Female', grade })).toBe(professional);
  });

  it('lists every voice when asked for all', () => {
    expect(ids(true)).toEqual(KOKORO_VOICES.map((voice) => voice.id));
  });
});
