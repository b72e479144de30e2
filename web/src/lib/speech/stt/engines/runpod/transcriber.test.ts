// One transcription try through the API client: the body the proxy's route takes, the bearer token, 202 answers
// followed by GETs of the same clip (its phase reported, a forgotten job sent again), the worker's output read back
// to text, errors and the timeout.
import { describe, expect, it } from 'vitest';
import { ApiError, createApiFetch } from '../../../../api/index.ts';
import type { ServerPhase } from '../../engine.ts';
import { describeTranscriptionError, TranscriptionTimeout } from './errors.ts';
import { createTranscriber, MAX_PENDING_ANSWERS, MAX_PROMPT_CHARS, NO_SPEECH_THRESHOLD, promptTail, sttBody, textOfOutput, type ClipRequest } from './transcriber.ts';
import { encodeWav } from '../../wav.ts';

const request: ClipRequest = { wav: encodeWav(Int16Array.from([1, 2, 3]), 16_000), model: 'small', language: 'en', prompt: 'So far I said this.', clipId: 'clip-0001-abcd' };

function fakeFetch(answer: (request: Request) => Promise<Response> | Response) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(new URL(String(input), 'http://app.test'), init);
    seen.push(req);
    return answer(req);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

describe('sttBody', () => {
  it("carries the clip, the seed's settings and the text so far", () => {
    expect(sttBody(request)).toEqual({
      audio_base64: Buffer.from(request.wav).toString('base64'),
      model: 'small',
      language: 'en',
      enable_vad: true,
      no_speech_threshold: NO_SPEECH_THRESHOLD,
      initial_prompt: 'So far I said this.',
      clip_id: 'clip-0001-abcd',
    });
    expect(NO_SPEECH_THRESHOLD).toBe(0.45);
  });

  it('leaves the language out to let Whisper detect it, and an empty prompt out', () => {
    const body = sttBody({ ...request, language: null, prompt: '  ' });
    expect(body).not.toHaveProperty('language');
    expect(body).not.toHaveProperty('initial_prompt');
  });
});

describe('promptTail', () => {
  it('keeps the last characters, starting at a word', () => {
    const long = Array.from({ length: 300 }, (_, i) => `word${i}`).join(' ');
    const tail = promptTail(long);
    expect(tail.length).toBeLessThanOrEqual(MAX_PROMPT_CHARS);
    expect(tail.endsWith('word299')).toBe(true);
    expect(long.includes(` ${tail}`)).toBe(true);
  });
});

describe('textOfOutput', () => {
  it.each<[unknown, string]>([
    [{ transcription: ' I built it.  Twice. ', segments: [{ text: 'x' }] }, 'I built it. Twice.'],
    [{ segments: [{ text: ' One.' }, { text: ' Two.' }] }, 'One. Two.'],
    [{ transcription: '' }, ''],
    [{}, ''],
  ])('%j → %j', (output, text) => {
    expect(textOfOutput(output)).toBe(text);
  });

  it('rejects an output it cannot read', () => {
    expect(() => textOfOutput({ transcription: 42 })).toThrow(ApiError);
  });
});

describe('createTranscriber', () => {
  it('posts to /api/stt/runpod with the bearer token and answers the text', async () => {
    const fake = fakeFetch(() => Response.json({ transcription: 'Hello there.', segments: [], detected_language: 'en' }));
    const transcribe = createTranscriber(createApiFetch({ getToken: () => 'secret-1', fetch: fake.fetch }), 5000);
    expect(await transcribe(request, new AbortController().signal)).toBe('Hello there.');
    const sent = fake.seen[0];
    expect(sent?.method).toBe('POST');
    expect(new URL(sent?.url ?? '').pathname).toBe('/api/stt/runpod');
    expect(sent?.headers.get('authorization')).toBe('Bearer secret-1');
    expect(((await sent?.json()) as { model: string }).model).toBe('small');
  });

  it('follows 202 answers with GETs of the same clip, reporting each phase, until the transcript', async () => {
    const answers = [
      Response.json({ clip_id: 'clip-0001-abcd', phase: 'starting', status: 'IN_QUEUE' }, { status: 202 }),
      Response.json({ clip_id: 'clip-0001-abcd', phase: 'running', status: 'RUNNING' }, { status: 202 }),
      Response.json({ clip_id: 'clip-0001-abcd', phase: 'warming-up' }, { status: 202 }),
      Response.json({ transcription: 'After the cold start.' }),
    ];
    const fake = fakeFetch(() => answers.shift() ?? Response.json({}, { status: 500 }));
    const phases: ServerPhase[] = [];
    const transcribe = createTranscriber(createApiFetch({ getToken: () => 'secret-1', fetch: fake.fetch }), 5000);
    expect(await transcribe(request, new AbortController().signal, (phase) => phases.push(phase))).toBe('After the cold start.');
    expect(phases).toEqual(['starting', 'running', 'queued']);
    expect(fake.seen.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /api/stt/runpod',
      'GET /api/stt/runpod/jobs/clip-0001-abcd',
      'GET /api/stt/runpod/jobs/clip-0001-abcd',
      'GET /api/stt/runpod/jobs/clip-0001-abcd',
    ]);
    expect(fake.seen[1]?.headers.get('authorization')).toBe('Bearer secret-1');
  });

  it('sends the clip again when the proxy no longer knows its job', async () => {
    const answers = [
      Response.json({ clip_id: 'clip-0001-abcd', phase: 'queued' }, { status: 202 }),
      Response.json({ error: { code: 'not_found', message: 'send the audio again' } }, { status: 404 }),
      Response.json({ transcription: 'Sent twice.' }),
    ];
    const fake = fakeFetch(() => answers.shift() ?? Response.json({}, { status: 500 }));
    const transcribe = createTranscriber(createApiFetch({ getToken: () => null, fetch: fake.fetch }), 5000);
    expect(await transcribe(request, new AbortController().signal)).toBe('Sent twice.');
    expect(fake.seen.map((r) => r.method)).toEqual(['POST', 'GET', 'POST']);
    expect(((await fake.seen[2]?.json()) as { clip_id: string }).clip_id).toBe('clip-0001-abcd');
  });

  it(`stops following after ${String(MAX_PENDING_ANSWERS)} answers that the job is still pending`, async () => {
    const fake = fakeFetch(() => Response.json({ phase: 'queued' }, { status: 202 }));
    const transcribe = createTranscriber(createApiFetch({ getToken: () => null, fetch: fake.fetch }), 5000);
    expect(await transcribe(request, new AbortController().signal).catch((e: unknown) => e)).toBeInstanceOf(TranscriptionTimeout);
    expect(fake.seen).toHaveLength(MAX_PENDING_ANSWERS + 1);
  });

  it("shows a failed job's plain message as the proxy wrote it", async () => {
    const message = "The transcription server could not transcribe this part of your answer (ValueError: Model 'turbo' not found.). Trying again will not help.";
    const fake = fakeFetch(() => Response.json({ error: { code: 'transcription_failed', message } }, { status: 422 }));
    const transcribe = createTranscriber(createApiFetch({ getToken: () => null, fetch: fake.fetch }), 5000);
    expect(describeTranscriptionError(await transcribe(request, new AbortController().signal).catch((e: unknown) => e))).toBe(message);
  });

  it("fails with the proxy's error", async () => {
    const fake = fakeFetch(() => Response.json({ error: { code: 'not_configured', message: 'Speech-to-text is not configured.' } }, { status: 503 }));
    const transcribe = createTranscriber(createApiFetch({ getToken: () => null, fetch: fake.fetch }), 5000);
    const error = await transcribe(request, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(describeTranscriptionError(error)).toMatch(/no speech-to-text service.*Type your answer/);
  });

  it('gives up on a slow try with TranscriptionTimeout', async () => {
    // Warning: on a busy machine the 20 ms timeout can fire before the listener is added, so check first.
    const fake = fakeFetch(
      (req) =>
        new Promise((_, reject) => {
          if (req.signal.aborted) reject(req.signal.reason);
          else req.signal.addEventListener('abort', () => reject(req.signal.reason));
        }),
    );
    const transcribe = createTranscriber(createApiFetch({ getToken: () => null, fetch: fake.fetch }), 20);
    const error = await transcribe(request, new AbortController().signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TranscriptionTimeout);
    expect(describeTranscriptionError(error)).toMatch(/taking too long/);
  });
});
