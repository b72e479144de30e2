// POST /api/stt/runpod: one audio clip to text through RunPod's faster-whisper worker, polling queued jobs.
import type { H3Event } from 'h3';
import type { RunpodConfig } from '../config/index.ts';
import type { ProxyContext } from '../context.ts';
import { errorResponse, jsonResponse, ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { readUpstreamText, requestUpstream, UpstreamFailure } from '../upstream/http-client.ts';
import { parseSttRequest } from './runpod-request.ts';
import { relayUpstreamError, upstreamFailureResponse } from './upstream-error.ts';

interface JobStatus {
  id?: string;
  status?: string;
  output?: unknown;
  error?: unknown;
}

/** Runs one transcription job and answers the worker's `output`. */
export function runpodHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response> => {
    const runpod = ctx.config.runpod;
    if (!runpod) {
      throw new ProxyError(503, 'not_configured', 'Speech-to-text is not configured on this server: set RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID.');
    }
    const input = parseSttRequest(await readJsonObject(event.req, ctx.config.maxBodyBytes));
    const signal = event.req.signal;
    const deadline = Date.now() + ctx.config.upstreamTimeoutMs;
    const call = (path: string, method: 'GET' | 'POST', body?: string) =>
      requestUpstream({
        url: `${runpod.baseUrl}/v2/${runpod.endpointId}${path}`,
        method,
        headers: { authorization: `Bearer ${runpod.apiKey}`, 'content-type': 'application/json' },
        body,
        signal,
        timeoutMs: Math.max(1, deadline - Date.now()),
      });
    let job: JobStatus;
    try {
      const first = await call('/runsync', 'POST', JSON.stringify({ input }));
      if ((first.statusCode ?? 500) >= 400) return relayRunpodError(ctx, first);
      job = JSON.parse(await readUpstreamText(first)) as JobStatus;
      while ((job.status === 'IN_QUEUE' || job.status === 'IN_PROGRESS') && job.id) {
        if (Date.now() + runpod.pollIntervalMs >= deadline) {
          void cancelJob(call, job.id);
          return errorResponse(504, 'upstream_timeout', 'Transcription is taking too long (the RunPod queue is busy). Try again in a moment.');
        }
        await delay(runpod.pollIntervalMs, signal);
        const polled = await call(`/status/${encodeURIComponent(job.id)}`, 'GET');
        if ((polled.statusCode ?? 500) >= 400) return relayRunpodError(ctx, polled);
        job = JSON.parse(await readUpstreamText(polled)) as JobStatus;
      }
    } catch (error) {
      if (error instanceof SyntaxError) return errorResponse(502, 'upstream_error', 'RunPod answered something that is not JSON.');
      return upstreamFailureResponse(error, 'RunPod');
    }
    return finishedJobResponse(ctx, job, runpod);
  };
}

function finishedJobResponse(ctx: ProxyContext, job: JobStatus, runpod: RunpodConfig): Response {
  switch (job.status) {
    case 'COMPLETED':
      return jsonResponse(job.output ?? {});
    case 'FAILED':
      return errorResponse(502, 'upstream_error', `Transcription failed on RunPod: ${ctx.scrub(String(job.error ?? 'no reason given'))}`);
    case 'TIMED_OUT':
      return errorResponse(504, 'upstream_timeout', 'Transcription timed out on RunPod. Try again in a moment.');
    case 'CANCELLED':
      return errorResponse(502, 'upstream_error', 'The transcription job was cancelled on RunPod.');
    default:
      return errorResponse(502, 'upstream_error', `RunPod endpoint ${runpod.endpointId} answered an unexpected job status: ${String(job.status)}.`);
  }
}

async function relayRunpodError(ctx: ProxyContext, upstream: Parameters<typeof relayUpstreamError>[1]): Promise<Response> {
  if (upstream.statusCode === 401 || upstream.statusCode === 403) {
    upstream.resume();
    return errorResponse(502, 'upstream_error', "RunPod refused this server's API key: check RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID.");
  }
  return relayUpstreamError(ctx, upstream, 'RunPod');
}

async function cancelJob(call: (path: string, method: 'POST') => ReturnType<typeof requestUpstream>, id: string): Promise<void> {
  try {
    (await call(`/cancel/${encodeURIComponent(id)}`, 'POST')).resume();
  } catch {
    // Cancelling is best effort: the job times out on RunPod's side anyway.
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new UpstreamFailure('aborted', 'The client went away.'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
