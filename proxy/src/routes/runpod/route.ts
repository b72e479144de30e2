// POST /api/stt/runpod (one clip to text) and GET /api/stt/runpod/jobs/{clip_id} (the same job, resumed): thin
// handlers over the job tracker. With a clip id, a request is held at most HOLD and then answered 202 with where
// the job stands (a cold start included), so the app can say so and ask again; without one, until the job ends.
import type { H3Event } from 'h3';
import { FastResponse } from 'srvx';
import type { RunpodConfig } from '../../config/index.ts';
import type { ProxyContext } from '../../context.ts';
import { bearerToken } from '../../http/auth.ts';
import { errorResponse, jsonResponse, ProxyError } from '../../http/errors.ts';
import { readJsonObject } from '../../http/read-body.ts';
import { RunpodJobs, type WaitResult } from './jobs.ts';
import { CLIP_ID, parseSttRequest } from './request.ts';
import { runpodApi } from './upstream.ts';

/** The longest a request with a clip id is held: well within the 60 s the app gives one try. */
export function holdMsOf(runpod: RunpodConfig): number {
  return Math.min(4 * runpod.waitMs, 30_000);
}

// A finished job's answer is kept this long for a retry of the same clip; at most this many jobs at once.
const KEEP_RESULT_MS = 60_000;
const MAX_JOBS = 1000;

/** The two handlers, sharing one job tracker. */
export function runpodRoutes(ctx: ProxyContext): { submit: (event: H3Event) => Promise<Response>; resume: (event: H3Event) => Promise<Response> } {
  const runpod = ctx.config.runpod;
  const hold = runpod ? holdMsOf(runpod) : 0;
  const jobs = runpod
    ? new RunpodJobs(ctx, runpodApi(ctx, runpod), {
        waitMs: runpod.waitMs,
        pollIntervalMs: runpod.pollIntervalMs,
        jobTimeoutMs: runpod.jobTimeoutMs,
        cancelAfterMs: hold,
        keepResultMs: KEEP_RESULT_MS,
        maxJobs: MAX_JOBS,
      })
    : null;
  const tracker = (): RunpodJobs => {
    if (!jobs) throw new ProxyError(503, 'not_configured', 'Speech-to-text is not configured on this server: set RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID.');
    return jobs;
  };
  return {
    async submit(event) {
      const running = tracker();
      const { input, clipId } = parseSttRequest(await readJsonObject(event.req, ctx.config.maxBodyBytes));
      const job = running.startOrResume(clipId === undefined ? undefined : keyOf(event.req, clipId), input);
      if (!job) return errorResponse(429, 'rate_limited', 'Too many transcriptions are running on this server. Wait a moment and try again.', { 'retry-after': '5' });
      return answer(await running.wait(job, clipId === undefined ? Infinity : hold, event.req.signal), clipId);
    },
    async resume(event) {
      const running = tracker();
      const clipId = event.context.params?.['clipId'] ?? '';
      if (!CLIP_ID.test(clipId)) throw new ProxyError(400, 'bad_request', 'The clip id must be 8 to 64 letters, digits, - or _.');
      const job = running.find(keyOf(event.req, clipId));
      if (!job) return errorResponse(404, 'not_found', 'This server has no transcription job for that clip (it ended a while ago, or the server restarted): send the audio again.');
      return answer(await running.wait(job, hold, event.req.signal), clipId);
    },
  };
}

// Jobs belong to the caller: the same clip id under another access token is another job.
function keyOf(request: Request, clipId: string): string {
  return `${bearerToken(request.headers.get('authorization')) ?? ''} ${clipId}`;
}

function answer(result: WaitResult, clipId: string | undefined): Response {
  if (result.kind === 'answer') return new FastResponse(result.answer.body, { status: result.answer.status, headers: result.answer.headers });
  return jsonResponse({ clip_id: clipId, phase: result.phase, status: result.status }, 202);
}
