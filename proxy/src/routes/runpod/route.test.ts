// The speech-to-text routes through app.fetch (no socket on the proxy's side) against the fake RunPod: a cold start
// answered 202 and resumed by GET, a job that belongs to its caller's token, and the 503 without RunPod.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeRunpod, type FakeRunpod } from '../../../test/fakes/index.ts';
import { createApp } from '../../app.ts';
import { parseConfig } from '../../config/index.ts';
import { createContext } from '../../context.ts';

const KEY = 'runpod-key-app-fetch';
let runpod: FakeRunpod;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  runpod = await startFakeRunpod({ apiKey: KEY, endpointId: 'ep' });
  const config = parseConfig({ RUNPOD_API_KEY: KEY, RUNPOD_ENDPOINT_ID: 'ep', RUNPOD_BASE_URL: runpod.url, RUNPOD_POLL_INTERVAL_MS: '20', RUNPOD_WAIT_MS: '1000', PROXY_TOKENS: 'tok-a,tok-b' });
  app = createApp(createContext(config, { version: 'test', logSink: () => undefined }));
});
afterAll(() => runpod.close());

const body = (clipId: string) => JSON.stringify({ audio_base64: 'UklGRgABAv3+/w==', model: 'small', clip_id: clipId });
const post = (clipId: string, token = 'tok-a') =>
  app.fetch(new Request('http://127.0.0.1:8787/api/stt/runpod', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: body(clipId) }));
const get = (clipId: string, token = 'tok-a') => app.fetch(new Request(`http://127.0.0.1:8787/api/stt/runpod/jobs/${clipId}`, { headers: { authorization: `Bearer ${token}` } }));

describe('the speech-to-text routes through app.fetch', () => {
  it('answers 202 "starting" during a cold start, then the transcript to a GET of the same clip', async () => {
    runpod.enqueue({ kind: 'completed', text: 'Warm now.', queueMs: 1800, coldStart: true, runMs: 200 });
    const first = await post('clip-cold-0001');
    expect(first.status).toBe(202);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ clip_id: 'clip-cold-0001', phase: 'starting', status: 'IN_QUEUE' });
    let response = await get('clip-cold-0001');
    while (response.status === 202) response = await get('clip-cold-0001');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ transcription: 'Warm now.' });
  });

  it("keeps each token's clips apart: the same clip id under another token is another job", async () => {
    const jobs = runpod.received.length;
    runpod.enqueue({ kind: 'completed', text: 'for a' }, { kind: 'completed', text: 'for b' });
    expect(await (await post('clip-shared-01', 'tok-a')).json()).toMatchObject({ transcription: 'for a' });
    expect(await (await post('clip-shared-01', 'tok-b')).json()).toMatchObject({ transcription: 'for b' });
    expect((await get('clip-shared-01', 'tok-b')).status).toBe(200);
    expect(runpod.received.length - jobs).toBe(2);
  });

  it('refuses a malformed clip id in the body', async () => {
    const res = await post('short');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('clip_id') } });
  });

  it('answers 503 on both routes without RunPod', async () => {
    const bare = createApp(createContext(parseConfig({}), { version: 'test', logSink: () => undefined }));
    expect((await bare.fetch(new Request('http://127.0.0.1:8787/api/stt/runpod', { method: 'POST', body: body('clip-none-001') }))).status).toBe(503);
    expect((await bare.fetch(new Request('http://127.0.0.1:8787/api/stt/runpod/jobs/clip-none-001'))).status).toBe(503);
  });
});
