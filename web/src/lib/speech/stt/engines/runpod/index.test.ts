// The RunPod engine behind the seam: a PCM clip goes out as the WAV body the proxy takes, with the model chosen now.
import { describe, expect, it } from 'vitest';
import { createApiFetch } from '../../../../api/index.ts';
import { decodeWav } from '../../wav.ts';
import { createRunpodEngine } from './index.ts';

describe('createRunpodEngine', () => {
  it('sends the clip as a 16 kHz WAV under its clip id, with the model read when the clip is sent', async () => {
    const bodies: Record<string, unknown>[] = [];
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)) as Record<string, unknown>);
      return Response.json({ transcription: ' Hello there. ' });
    }) as typeof globalThis.fetch;
    let model: 'small' | 'base' = 'small';
    const engine = createRunpodEngine({ apiFetch: createApiFetch({ fetch, getToken: () => null }), model: () => model });
    const pcm = Int16Array.from([0, 1000, -1000, 32767]);
    expect(await engine.transcribe({ pcm, language: 'en', prompt: '', clipId: 'clip-0001-abcd' }, new AbortController().signal)).toBe('Hello there.');
    model = 'base';
    await engine.transcribe({ pcm, language: null, prompt: 'Before.', clipId: 'clip-0002-abcd' }, new AbortController().signal);
    const wav = decodeWav(Uint8Array.from(Buffer.from(String(bodies[0]?.audio_base64), 'base64')));
    expect([wav.sampleRate, [...wav.samples]]).toEqual([16_000, [...pcm]]);
    expect(bodies.map((body) => [body.model, body.language, body.clip_id, body.initial_prompt])).toEqual([
      ['small', 'en', 'clip-0001-abcd', undefined],
      ['base', undefined, 'clip-0002-abcd', 'Before.'],
    ]);
    expect(engine.kind).toBe('runpod');
  });
});
