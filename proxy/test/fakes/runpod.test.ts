// Socket-level tests of the fake RunPod: auth, the API's body check and the worker's own input checks (their
// results are jobs, as on RunPod), /runsync's wait, job states over time, /cancel, /health and the recorded audio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_MODEL_NOT_FOUND_ERROR, handlerError, startFakeRunpod, type FakeRunpod } from './index.ts';
import { checkWorkerInput } from './runpod-worker.ts';

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
  error?: unknown;
  delayTime?: number;
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

describe('fake RunPod auth and the API body check', () => {
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

  it('answers 400 without an input object, for a bad policy or wait, and 404 for another endpoint', async () => {
    expect((await call('/runsync', { audio_base64: input.audio_base64 })).status).toBe(400);
    expect((await call('/runsync', { input, policy: { ttl: 500 } })).status).toBe(400);
    expect((await call('/runsync?wait=100', { input })).status).toBe(400);
    const other = await fetch(`${fake.url}/v2/other-endpoint/runsync`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: JSON.stringify({ input }),
    });
    expect(other.status).toBe(404);
  });
});

describe("the worker's own input checks end the job", () => {
  it.each([
    ['an unknown field', { ...input, vad: true }, ['Unexpected input. vad is not a valid input option.']],
    ['a word_timestamps string', { ...input, word_timestamps: 'yes' }, ["word_timestamps should be <class 'bool'> type, not <class 'str'>."]],
    ['a null model and a fractional beam size', { ...input, model: null, beam_size: 2.5 }, ["model should be <class 'str'> type, not <class 'NoneType'>.", "beam_size should be <class 'int'> type, not <class 'float'>."]],
  ])('%s: COMPLETED without output (the worker returns its validation errors as a list)', async (_, badInput, errors) => {
    expect(checkWorkerInput(badInput)).toEqual({ ok: false, refused: { kind: 'completed-without-output', validationErrors: errors } });
    const result = await job('/runsync', { input: badInput });
    expect(result.status).toBe('COMPLETED');
    expect(result).not.toHaveProperty('output');
    expect(result).not.toHaveProperty('error');
  });

  it('lets null through where the default is None, and whole numbers into float fields', () => {
    expect(checkWorkerInput({ ...input, language: null, initial_prompt: null, temperature: 0, no_speech_threshold: 1 }).ok).toBe(true);
  });

  it.each([
    ['neither audio nor audio_base64', { model: 'small' }, 'Must provide either audio or audio_base64'],
    ['both audio and audio_base64', { ...input, audio: 'https://example.com/a.wav' }, 'Must provide either audio or audio_base64, not both'],
  ])('%s: FAILED with the handler message', async (_, badInput, error) => {
    expect(await job('/runsync', { input: badInput })).toMatchObject({ status: 'FAILED', error });
  });

  it.each([
    ['an unknown model', { ...input, model: 'huge' }, "<class 'ValueError'>", 'Invalid model name: huge.'],
    ['audio_base64 that is not base64', { ...input, audio_base64: 'not base64!' }, "<class 'binascii.Error'>", 'Incorrect padding'],
  ])("%s: FAILED with runpod-python's JSON error", async (_, badInput, type, message) => {
    const result = await job('/runsync', { input: badInput });
    expect(result.status).toBe('FAILED');
    expect(typeof result.error).toBe('string');
    const error = JSON.parse(result.error as string) as Record<string, string>;
    expect(error['error_type']).toBe(type);
    expect(error['error_message']).toContain(message);
    expect(error['error_traceback']).toMatch(/^Traceback \(most recent call last\):/);
  });

  it('does not record refused input as received audio', async () => {
    const before = fake.received.length;
    await job('/runsync', { input: { ...input, model: 'huge' } });
    expect(fake.received).toHaveLength(before);
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

  it('/runsync waits up to ?wait= ms, then answers IN_QUEUE with the id; /status follows the job to COMPLETED', async () => {
    fake.enqueue({ kind: 'completed', text: 'Queued answer.', queueMs: 1600, runMs: 400, runningStatus: 'RUNNING' });
    const first = await job('/runsync?wait=1000', { input });
    expect(first).toEqual({ id: first.id, status: 'IN_QUEUE' });
    expect(fake.runsyncWaits.at(-1)).toBe(1000);
    const seen: string[] = [];
    const pollsBefore = fake.statusPolls;
    for (;;) {
      const now = await job(`/status/${first.id}`);
      if (seen.at(-1) !== now.status) seen.push(now.status);
      if (now.status === 'COMPLETED') {
        expect(now.output?.transcription).toBe('Queued answer.');
        expect(now.delayTime).toBe(1600);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen).toEqual(['IN_QUEUE', 'RUNNING', 'COMPLETED']);
    expect(fake.statusPolls).toBeGreaterThan(pollsBefore);
  });

  it('/runsync answers as soon as the job ends within the wait', async () => {
    fake.enqueue({ kind: 'completed', text: 'Soon.', runMs: 200 });
    const result = await job('/runsync?wait=5000', { input });
    expect(result).toMatchObject({ status: 'COMPLETED', output: { transcription: 'Soon.' } });
  });

  it('reports a cold start in /health while the job waits, and workers once it runs', async () => {
    fake.enqueue({ kind: 'completed', text: 'Cold.', queueMs: 600, coldStart: true, runMs: 600 });
    const queued = await job('/run', { input });
    const cold = (await job('/health')) as unknown as { workers: Record<string, number>; jobs: Record<string, number> };
    expect(cold.workers).toMatchObject({ running: 0, idle: 0, initializing: 1 });
    expect(cold.jobs['inQueue']).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fake.statusOf(queued.id)).toBe('IN_PROGRESS');
    const warm = (await job('/health')) as unknown as { workers: Record<string, number> };
    expect(warm.workers['running']).toBe(1);
  });

  it('cancels a queued job; a finished one stays as it is', async () => {
    fake.enqueue({ kind: 'completed', text: 'Never.', queueMs: 60_000 });
    const queued = await job('/run', { input });
    expect(await job(`/cancel/${queued.id}`, {})).toEqual({ id: queued.id, status: 'CANCELLED' });
    expect(await job(`/status/${queued.id}`)).toEqual({ id: queued.id, status: 'CANCELLED' });
    expect(fake.cancelled).toContain(queued.id);
    const done = await job('/runsync', { input });
    expect((await job(`/cancel/${done.id}`, {})).status).toBe('COMPLETED');
    expect(fake.cancelled).not.toContain(done.id);
  });

  it('keeps a /runsync job running after the client leaves', async () => {
    fake.enqueue({ kind: 'completed', text: 'Still here.', runMs: 800 });
    const before = fake.received.length;
    const controller = new AbortController();
    const leaving = fetch(`${fake.url}/v2/${ENDPOINT}/runsync?wait=5000`, {
      method: 'POST',
      headers: { authorization: KEY },
      body: JSON.stringify({ input }),
      signal: controller.signal,
    }).catch(() => undefined);
    await expect.poll(() => fake.received.length).toBeGreaterThan(before);
    const id = fake.received.at(-1)?.id ?? '';
    controller.abort();
    await leaving;
    expect(fake.statusOf(id)).toBe('IN_PROGRESS');
    await expect.poll(() => fake.statusOf(id), { timeout: 3000 }).toBe('COMPLETED');
  });

  it('answers FAILED with the error as scripted (the real sample, a list), COMPLETED without output, TIMED_OUT', async () => {
    fake.enqueue(
      { kind: 'failed', error: FAILED_MODEL_NOT_FOUND_ERROR },
      { kind: 'failed', error: ['Unexpected input. vad is not a valid input option.'] },
      { kind: 'failed', error: handlerError('RuntimeError', 'CUDA failed with error out of memory') },
      { kind: 'completed-without-output' },
      { kind: 'timed_out' },
    );
    const real = await job('/runsync', { input });
    expect(real).toMatchObject({ status: 'FAILED', error: FAILED_MODEL_NOT_FOUND_ERROR });
    expect(JSON.parse(real.error as string)).toMatchObject({ error_type: "<class 'ValueError'>", error_message: "Model 'turbo' not found." });
    expect(await job('/runsync', { input })).toMatchObject({ status: 'FAILED', error: ['Unexpected input. vad is not a valid input option.'] });
    const oom = await job('/runsync', { input });
    expect(JSON.parse(oom.error as string)).toMatchObject({ error_type: "<class 'RuntimeError'>", hostname: expect.any(String), runpod_version: expect.any(String) });
    const empty = await job('/runsync', { input });
    expect(empty.status).toBe('COMPLETED');
    expect(empty).not.toHaveProperty('output');
    const timedOut = await job('/runsync', { input });
    expect(timedOut.status).toBe('TIMED_OUT');
    expect(timedOut.output).toBeUndefined();
  });

  it('answers scripted HTTP errors and 404 for unknown job ids', async () => {
    fake.enqueue({ kind: 'http-error', status: 502 });
    expect((await call('/runsync', { input })).status).toBe(502);
    expect((await call('/status/no-such-job')).status).toBe(404);
  });

  it('records the input without audio_base64, the decoded audio bytes and the policy', async () => {
    const result = await job('/runsync', { input, policy: { ttl: 600_000 } });
    const last = fake.received.at(-1);
    expect(last?.id).toBe(result.id);
    expect(last?.input).toEqual({ model: 'small', language: 'en', enable_vad: true });
    expect(last?.audio).toEqual(AUDIO);
    expect(last?.policy).toEqual({ ttl: 600_000 });
    expect(typeof last?.receivedAt).toBe('number');
  });
});
