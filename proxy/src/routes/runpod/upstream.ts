// The calls the proxy makes to RunPod's serverless API for one endpoint, with the key added here and never shown:
// /runsync?wait=, /status/{id}, /cancel/{id} and /health. Error answers are kept as ready-made responses.
import type { RunpodConfig } from '../../config/index.ts';
import type { ProxyContext } from '../../context.ts';
import { errorResponse } from '../../http/errors.ts';
import { readUpstreamText, requestUpstream } from '../../upstream/http-client.ts';
import { relayUpstreamError } from '../upstream-error.ts';

/** An HTTP answer kept to be sent (once or more) to the app. */
export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** RunPod's JSON answer, or the error answer the app gets instead. */
export type RunpodReply = { ok: true; json: unknown } | { ok: false; answer: StoredAnswer };

/** The RunPod endpoint as the job tracker uses it. */
export interface RunpodApi {
  /** Submits a job and lets RunPod hold the answer up to `waitMs`. Warning: not abortable, so a job id is never lost. */
  runsync(body: string, waitMs: number): Promise<RunpodReply>;
  status(id: string, signal: AbortSignal): Promise<RunpodReply>;
  /** Cancels a job, best effort. */
  cancel(id: string): Promise<void>;
  /** The endpoint's /health JSON, or undefined when it cannot be had. */
  health(signal: AbortSignal): Promise<unknown>;
}

// Time RunPod may take beyond `?wait=` to answer /runsync, and the cap on any other call.
const RUNSYNC_MARGIN_MS = 15_000;
const CALL_TIMEOUT_MS = 15_000;
const never = new AbortController().signal;

/** A RunpodApi over the configured endpoint. */
export function runpodApi(ctx: ProxyContext, runpod: RunpodConfig): RunpodApi {
  const call = async (path: string, method: 'GET' | 'POST', signal: AbortSignal, timeoutMs: number, body?: string): Promise<RunpodReply> => {
    const upstream = await requestUpstream({
      url: `${runpod.baseUrl}/v2/${runpod.endpointId}${path}`,
      method,
      headers: { authorization: `Bearer ${runpod.apiKey}`, 'content-type': 'application/json' },
      body,
      signal,
      timeoutMs,
    });
    const status = upstream.statusCode ?? 500;
    if (status < 400) return { ok: true, json: JSON.parse(await readUpstreamText(upstream)) as unknown };
    if (status === 401 || status === 403) {
      upstream.resume();
      return { ok: false, answer: await store(errorResponse(502, 'upstream_error', "RunPod refused this server's API key: check RUNPOD_API_KEY and RUNPOD_ENDPOINT_ID.")) };
    }
    return { ok: false, answer: await store(await relayUpstreamError(ctx, upstream, 'RunPod')) };
  };
  const quickTimeout = Math.min(ctx.config.upstreamTimeoutMs, CALL_TIMEOUT_MS);
  return {
    runsync: (body, waitMs) => call(`/runsync?wait=${String(waitMs)}`, 'POST', never, waitMs + RUNSYNC_MARGIN_MS, body),
    status: (id, signal) => call(`/status/${encodeURIComponent(id)}`, 'GET', signal, quickTimeout),
    async cancel(id) {
      try {
        await call(`/cancel/${encodeURIComponent(id)}`, 'POST', never, quickTimeout, '');
      } catch {
        // Cancelling is best effort: the job's own ttl ends it on RunPod's side anyway.
      }
    },
    async health(signal) {
      try {
        const reply = await call('/health', 'GET', signal, quickTimeout);
        return reply.ok ? reply.json : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Reads a response into a StoredAnswer. */
export async function store(response: Response): Promise<StoredAnswer> {
  return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
}
