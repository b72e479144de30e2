// Socket-level tests of the fake RunPod: auth, the faster-whisper input schema, job states
// (COMPLETED, IN_QUEUE then polled, FAILED, TIMED_OUT) and the recorded audio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRunpod, type FakeRunpod } from './index.ts';

const KEY = 'test-runpod-key';
const ENDPOINT = 'test-endpoint';
const AUDIO = new Uint8Array([82, 73, 70, 70, 0, 1, 2, 253, 254, 255]);
const input = { audio_base64: Buffer.from(AUDIO).toString('base64'), model: 'small', language: 'en', enable_vad: true };

let fake: FakeRunpod;

beforeAll(async () => {
  fake = await startFakeRunpod({ apiKey: KEY, endpointId: ENDPOINT });
});

afterAll(async () => {
  await fake.close();
});

interface Job {
  id: string;
  status: string;
  error?: string;
  output?: {
    segments: { id: number; start: number; end: number; text: string; tokens: number[] }[];
    transcription: string;
    detected_language: string;
    model: string;
    device: string;
    translation: null;
    word_timestamps?: { word: string; start: number; end: number }[];
  };
}

function call(path: string, body?: unknown, authorization: string | null = `Bearer ${KEY}`): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers['authorization'] = authorization;
  return fetch(`${fake.url}/v2/${ENDPOINT}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function job(path: string, body?: unknown): Promise<Job> {
  const response = await call(path, body);
  expect(response.status).toBe(200);
  return (await response.json()) as Job;
}

describe('fake RunPod auth and schema', () => {
  it.each([
    ['no header', null],
    ['a wrong key', 'Bearer nope'],
  ])('answers 401 for %s', async (_, authorization) => {
    const response = await call('/runsync', { input }, authorization);
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('Unauthorized');
  });

  it('accepts the key with or without Bearer', async () => {
    expect((await call('/runsync', { input }, `Bearer ${KEY}`)).status).toBe(200);
    expect((await call('/runsync', { input }, KEY)).status).toBe(200);
  });

  it.each([
    ['both audio and audio_base64', { ...input, audio: 'https://example.com/a.wav' }],
    ['neither audio nor audio_base64', { model: 'small' }],
    ['an unknown model', { ...input, model: 'huge' }],
    ['an unknown field', { ...input, vad: true }],
    ['audio_base64 that is not base64', { ...input, audio_base64: 'not base64!' }],
    ['a word_timestamps string', { ...input, word_timestamps: 'yes' }],
  ])('answers 400 for %s', async (_, badInput) => {
    const response = await call('/runsync', { input: badInput });
    expect(response.status).toBe(400);
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe('string');
  });

  it('answers 400 without an input field and 404 for another endpoint', async () => {
    expect((await call('/runsync', { audio_base64: input.audio_base64 })).status).toBe(400);
    const other = await fetch(`${fake.url}/v2/other-endpoint/runsync`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: JSON.stringify({ input }),
    });
    expect(other.status).toBe(404);
  });
});

describe('fake RunPod jobs', () => {
  it('answers COMPLETED with the worker output', async () => {
    const text = 'I built the data pipeline. It ran every night.';
    fake.enqueue({ kind: 'completed', text });
    const result = await job('/runsync', { input });
    expect(result.status).toBe('COMPLETED');
    expect(result.id).toMatch(/^sync-/);
    expect(result).toHaveProperty('delayTime');
    expect(result).toHaveProperty('executionTime');
    expect(result.output).toMatchObject({ transcription: text, detected_language: 'en', model: 'small', device: 'cuda', translation: null });
    expect(result.output?.segments.map((s) => s.text)).toEqual([' I built the data pipeline.', ' It ran every night.']);
    expect(result.output?.segments[1]).toMatchObject({ id: 1, tokens: [] });
    expect(result.output?.segments[1]?.start).toBe(result.output?.segments[0]?.end);
  });

  it('uses scripted segments and adds word timestamps when asked', async () => {
    const segments = [{ start: 0, end: 1, text: ' Hello there' }];
    fake.enqueue({ kind: 'completed', text: 'Hello there', segments });
    const result = await job('/runsync', { input: { ...input, word_timestamps: true } });
    expect(result.output?.segments).toMatchObject(segments);
    expect(result.output?.word_timestamps).toEqual([
      { word: ' Hello', start: 0, end: 0.5 },
      { word: ' there', start: 0.5, end: 1 },
    ]);
  });

  it('answers IN_QUEUE, then IN_PROGRESS while polled, then COMPLETED', async () => {
    fake.enqueue({ kind: 'queued', polls: 3, text: 'Queued answer.' });
    const first = await job('/runsync', { input });
    expect(first).toEqual({ id: first.id, status: 'IN_QUEUE' });
    const pollsBefore = fake.statusPolls;
    const statuses: string[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await job(`/status/${first.id}`)).status);
    expect(statuses).toEqual(['IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
    expect(fake.statusPolls).toBe(pollsBefore + 3);
    const done = await job(`/status/${first.id}`);
    expect(done.output?.transcription).toBe('Queued answer.');
  });

  it('queues /run jobs and reports them through /status', async () => {
    fake.enqueue({ kind: 'completed', text: 'Async answer.' });
    const queued = await job('/run', { input });
    expect(queued.status).toBe('IN_QUEUE');
    const done = await job(`/status/${queued.id}`);
    expect(done).toMatchObject({ id: queued.id, status: 'COMPLETED', output: { transcription: 'Async answer.' } });
  });

  it('answers FAILED and TIMED_OUT jobs', async () => {
    fake.enqueue({ kind: 'failed', error: 'CUDA out of memory' }, { kind: 'timed_out' });
    expect(await job('/runsync', { input })).toMatchObject({ status: 'FAILED', error: 'CUDA out of memory' });
    const timedOut = await job('/runsync', { input });
    expect(timedOut.status).toBe('TIMED_OUT');
    expect(timedOut.output).toBeUndefined();
  });

  it('answers scripted HTTP errors and 404 for unknown job ids', async () => {
    fake.enqueue({ kind: 'http-error', status: 502 });
    expect((await call('/runsync', { input })).status).toBe(502);
    expect((await call('/status/no-such-job')).status).toBe(404);
  });

  it('records the input without audio_base64 and the decoded audio bytes', async () => {
    await job('/runsync', { input });
    const last = fake.received.at(-1);
    expect(last?.input).toEqual({ model: 'small', language: 'en', enable_vad: true });
    expect(last?.audio).toEqual(AUDIO);
    expect(typeof last?.receivedAt).toBe('number');
  });
});
