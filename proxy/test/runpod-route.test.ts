// The speech-to-text route over real sockets against the fake RunPod: /runsync with a bounded wait, polling on every
// state that is not final, a cold start reported while it lasts, a retry of the same clip resuming the same job, a
// job cancelled when its client goes away or its time is up, and every way a job can fail, in plain words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED_MODEL_NOT_FOUND_ERROR, handlerError } from './fakes/index.ts';
import { startStack, TEST_KEYS, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ UPSTREAM_TIMEOUT_MS: '2000', RUNPOD_WAIT_MS: '1000' });
});
afterAll(() => stack.close());

// RUNPOD_WAIT_MS 1000: a request with a clip id is held 4 s at most, and a job nobody waits on is cancelled after 4 s.
const HOLD_MS = 4000;
const audio = Buffer.from(Array.from({ length: 3200 }, (_, i) => (i * 37) % 256));
let clips = 0;
const newClipId = () => `clip-${String(Date.now())}-${String(clips++)}`;

function transcribe(extra: Record<string, unknown> = {}, signal?: AbortSignal): Promise<Response> {
  return fetch(`${stack.proxy.url}/api/stt/runpod`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audio_base64: audio.toString('base64'), model: 'small', language: 'en', enable_vad: true, ...extra }),
    signal,
  });
}

const resume = (clipId: string) => fetch(`${stack.proxy.url}/api/stt/runpod/jobs/${clipId}`);

interface Pending {
  clip_id: string;
  phase: string;
  status: string | null;
}

/** Follows 202 answers with GETs, as the app does; returns the final response and every phase seen. */
async function follow(first: Response, clipId: string): Promise<{ response: Response; phases: string[] }> {
  const phases: string[] = [];
  let response = first;
  while (response.status === 202) {
    const pending = (await response.json()) as Pending;
    expect(pending.clip_id).toBe(clipId);
    phases.push(pending.phase);
    response = await resume(clipId);
  }
  return { response, phases };
}

describe('POST /api/stt/runpod', () => {
  it('answers the worker output, sends RunPod exactly the audio and settings given, with a bounded wait and a ttl', async () => {
    stack.runpod.enqueue({ kind: 'completed', text: 'I built a billing pipeline.' });
    const res = await transcribe({ initial_prompt: 'So far', no_speech_threshold: 0.45 });
    expect(res.status).toBe(200);
    const output = (await res.json()) as { segments: unknown[] };
    expect(output).toMatchObject({ transcription: 'I built a billing pipeline.', detected_language: 'en' });
    expect(output.segments[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
    const received = stack.runpod.received.at(-1)!;
    expect(Buffer.from(received.audio).equals(audio)).toBe(true);
    expect(received.input).toMatchObject({ model: 'small', language: 'en', enable_vad: true, initial_prompt: 'So far', no_speech_threshold: 0.45 });
    expect(received.input).not.toHaveProperty('clip_id');
    expect(received.policy.ttl).toBeGreaterThanOrEqual(10_000);
    expect(stack.runpod.runsyncWaits.at(-1)).toBe(1000);
  });

  it.each(['IN_PROGRESS', 'RUNNING'] as const)('polls /status while the job is %s after the runsync wait', async (runningStatus) => {
    const polls = stack.runpod.statusPolls;
    stack.runpod.enqueue({ kind: 'completed', text: 'after the wait', queueMs: 300, runMs: 1200, runningStatus });
    const res = await transcribe();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ transcription: 'after the wait' });
    expect(stack.runpod.statusPolls).toBeGreaterThan(polls);
  });

  it('with a clip id, says a cold start is under way while it lasts, then answers the same job', async () => {
    const clipId = newClipId();
    const jobs = stack.runpod.received.length;
    stack.runpod.enqueue({ kind: 'completed', text: 'after a cold start', queueMs: 2500, coldStart: true, runMs: 300 });
    const first = await transcribe({ clip_id: clipId });
    // The first answer comes once RunPod's wait is over and /health shows no worker running.
    expect(first.status).toBe(202);
    const { response, phases } = await follow(first, clipId);
    expect(phases[0]).toBe('starting');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ transcription: 'after a cold start' });
    expect(stack.runpod.received.length - jobs).toBe(1);
    expect(stack.runpod.healthChecks).toBeGreaterThan(0);
  });

  it('says "queued" when workers run but the job waits its turn, and "running" once a worker has it', async () => {
    const clipId = newClipId();
    stack.runpod.enqueue({ kind: 'completed', text: 'my turn', queueMs: 1500, runMs: 1500 });
    const { response, phases } = await follow(await transcribe({ clip_id: clipId }), clipId);
    expect(phases).toEqual(['queued', 'running']);
    expect(await response.json()).toMatchObject({ transcription: 'my turn' });
  });

  it('resumes the same job when the same clip is sent again after the client gave up', async () => {
    const clipId = newClipId();
    const jobs = stack.runpod.received.length;
    stack.runpod.enqueue({ kind: 'completed', text: 'only once', runMs: 2500 });
    const controller = new AbortController();
    const abandoned = transcribe({ clip_id: clipId }, controller.signal).catch(() => undefined);
    await expect.poll(() => stack.runpod.received.length).toBe(jobs + 1);
    controller.abort();
    await abandoned;
    const { response } = await follow(await transcribe({ clip_id: clipId }), clipId);
    expect(await response.json()).toMatchObject({ transcription: 'only once' });
    // A retry after the answer gets it again, still without a new job.
    expect(await (await transcribe({ clip_id: clipId })).json()).toMatchObject({ transcription: 'only once' });
    expect(stack.runpod.received.length - jobs).toBe(1);
    expect(stack.runpod.cancelled).not.toContain(stack.runpod.received.at(-1)?.id);
  });

  it('cancels a job nobody comes back for once the grace is over', async () => {
    const clipId = newClipId();
    stack.runpod.enqueue({ kind: 'completed', text: 'never heard', queueMs: 60_000 });
    const first = await transcribe({ clip_id: clipId });
    expect(first.status).toBe(202);
    const id = stack.runpod.received.at(-1)?.id ?? '';
    expect(stack.runpod.cancelled).not.toContain(id);
    await expect.poll(() => stack.runpod.cancelled, { timeout: HOLD_MS + 3000, interval: 200 }).toContain(id);
    expect(stack.runpod.statusOf(id)).toBe('CANCELLED');
    expect((await resume(clipId)).status).toBe(404);
  }, 15_000);

  it('cancels a job at once when its client goes away and sent no clip id', async () => {
    stack.runpod.enqueue({ kind: 'completed', text: 'gone', queueMs: 60_000 });
    const controller = new AbortController();
    const leaving = transcribe({}, controller.signal).catch(() => undefined);
    // After RunPod's wait (1 s) the proxy has the job id.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const id = stack.runpod.received.at(-1)?.id ?? '';
    controller.abort();
    await leaving;
    await expect.poll(() => stack.runpod.cancelled, { timeout: 2000 }).toContain(id);
  });

  it('turns a real FAILED job into a plain message, logs only its type, and does not submit it again', async () => {
    const clipId = newClipId();
    const jobs = stack.runpod.received.length;
    stack.runpod.enqueue({ kind: 'failed', error: FAILED_MODEL_NOT_FOUND_ERROR });
    const res = await transcribe({ clip_id: clipId });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('transcription_failed');
    expect(body.error.message).toContain("ValueError: Model 'turbo' not found.");
    expect(body.error.message).toContain('will not help');
    expect(body.error.message).not.toMatch(/Traceback|rp_job\.py|error_type/);
    const again = await transcribe({ clip_id: clipId });
    expect(again.status).toBe(422);
    expect(stack.runpod.received.length - jobs).toBe(1);
    const logs = stack.logs.join('\n');
    expect(logs).toContain('FAILED: ValueError');
    expect(logs).not.toContain('turbo');
    expect(logs).not.toContain(audio.toString('base64').slice(0, 24));
  });

  it('reads a list of validation errors as a failure that will repeat', async () => {
    stack.runpod.enqueue({ kind: 'failed', error: ['Unexpected input. vad is not a valid input option.'] });
    const res = await transcribe();
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'transcription_failed', message: expect.stringContaining('the worker refused its input: Unexpected input. vad is not a valid input option.') } });
  });

  it('lets a failure of the machine be tried again, as a new job', async () => {
    const clipId = newClipId();
    const jobs = stack.runpod.received.length;
    stack.runpod.enqueue({ kind: 'failed', error: handlerError('RuntimeError', 'CUDA failed with error out of memory') }, { kind: 'completed', text: 'second try' });
    const res = await transcribe({ clip_id: clipId });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_error', message: expect.stringContaining('RuntimeError: CUDA failed with error out of memory). Trying again may work.') } });
    expect(await (await transcribe({ clip_id: clipId })).json()).toMatchObject({ transcription: 'second try' });
    expect(stack.runpod.received.length - jobs).toBe(2);
  });

  it.each([
    [{ kind: 'completed-without-output' } as const, 502, 'upstream_error', 'without a transcript'],
    [{ kind: 'timed_out' } as const, 504, 'upstream_timeout', 'timed out'],
    [{ kind: 'http-error', status: 401 } as const, 502, 'upstream_error', 'RUNPOD_API_KEY'],
  ])('turns %o into a clear error, not an empty transcript', async (reply, status, code, words) => {
    stack.runpod.enqueue(reply);
    const res = await transcribe();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.stringContaining(words) } });
  });

  it('sends the key as a bearer token to the configured endpoint', async () => {
    expect(stack.runpod.endpointId).toBe(TEST_KEYS.endpoint);
    stack.runpod.enqueue({ kind: 'completed', text: 'ok' });
    expect((await transcribe()).status).toBe(200);
  });
});

describe('GET /api/stt/runpod/jobs/{clip_id}', () => {
  it('answers 404 for a clip it has no job for, and 400 for a malformed id', async () => {
    const unknown = await resume(newClipId());
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('send the audio again') } });
    expect((await resume('bad%20id')).status).toBe(400);
  });
});

describe('a job past RUNPOD_JOB_TIMEOUT_MS', () => {
  let short: Stack;
  beforeAll(async () => {
    short = await startStack({ RUNPOD_WAIT_MS: '1000', RUNPOD_JOB_TIMEOUT_MS: '1500' });
  });
  afterAll(() => short.close());

  it('is cancelled on RunPod and answered 504', async () => {
    short.runpod.enqueue({ kind: 'completed', text: 'too late', queueMs: 60_000, coldStart: true });
    const res = await fetch(`${short.proxy.url}/api/stt/runpod`, { method: 'POST', body: JSON.stringify({ audio_base64: audio.toString('base64') }) });
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout', message: expect.stringContaining('did not finish within 2 s') } });
    expect(short.runpod.cancelled).toContain(short.runpod.received.at(-1)?.id);
  });
});
