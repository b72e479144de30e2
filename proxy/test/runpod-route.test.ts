// The speech-to-text route over real sockets: runsync, queue polling, failures, and the audio RunPod receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, TEST_KEYS, type Stack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ UPSTREAM_TIMEOUT_MS: '2000' });
});
afterAll(() => stack.close());

const audio = Buffer.from(Array.from({ length: 3200 }, (_, i) => (i * 37) % 256));
const transcribe = (extra: Record<string, unknown> = {}) =>
  fetch(`${stack.proxy.url}/api/stt/runpod`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audio_base64: audio.toString('base64'), model: 'small', language: 'en', enable_vad: true, ...extra }),
  });

describe('POST /api/stt/runpod', () => {
  it('answers the worker output and sends RunPod exactly the audio and settings given', async () => {
    stack.runpod.enqueue({ kind: 'completed', text: 'I built a billing pipeline.' });
    const res = await transcribe({ initial_prompt: 'So far', no_speech_threshold: 0.45 });
    expect(res.status).toBe(200);
    const output = (await res.json()) as { segments: unknown[] };
    expect(output).toMatchObject({ transcription: 'I built a billing pipeline.', detected_language: 'en' });
    expect(output.segments[0]).toMatchObject({ start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
    const received = stack.runpod.received.at(-1)!;
    expect(Buffer.from(received.audio).equals(audio)).toBe(true);
    expect(received.input).toMatchObject({ model: 'small', language: 'en', enable_vad: true, initial_prompt: 'So far', no_speech_threshold: 0.45 });
  });

  it('polls /status while the job is queued', async () => {
    const polls = stack.runpod.statusPolls;
    stack.runpod.enqueue({ kind: 'queued', polls: 3, text: 'after the queue' });
    const res = await transcribe();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ transcription: 'after the queue' });
    expect(stack.runpod.statusPolls - polls).toBe(3);
  });

  it.each([
    [{ kind: 'failed', error: 'CUDA out of memory' } as const, 502, 'upstream_error', 'CUDA out of memory'],
    [{ kind: 'timed_out' } as const, 504, 'upstream_timeout', 'timed out'],
    [{ kind: 'http-error', status: 401 } as const, 502, 'upstream_error', 'RUNPOD_API_KEY'],
  ])('turns %o into a clear error', async (reply, status, code, words) => {
    stack.runpod.enqueue(reply);
    const res = await transcribe();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, message: expect.stringContaining(words) } });
  });

  it('gives up with 504 when the queue outlasts the timeout', async () => {
    stack.runpod.enqueue({ kind: 'queued', polls: 1000, text: 'never' });
    const res = await transcribe();
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
  });

  it('sends the key as a bearer token to the configured endpoint', async () => {
    expect(stack.runpod.endpointId).toBe(TEST_KEYS.endpoint);
    stack.runpod.enqueue({ kind: 'completed', text: 'ok' });
    expect((await transcribe()).status).toBe(200);
  });
});
