// The voice list against kokoro-js' own table and the voice files the build serves.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KokoroTTS } from 'kokoro-js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_ID, findVoice, KOKORO_VOICES } from './voices.ts';

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
