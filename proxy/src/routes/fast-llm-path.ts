// The streaming LLM routes served straight on node:http, as a plain relay would: no web Request, no h3 event, no
// promise chain per hook. A burst of new streams queues behind each request's set-up, so that set-up is kept to
// what the checks need. Every check is the one the h3 routes use (gateApi, geminiCall/openaiCall, the body limit);
// anything this path does not recognise, it leaves to the h3 app.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendNodeResponse } from 'srvx/node';
import type { ProxyContext } from '../context.ts';
import { internalErrorResponse, ProxyError } from '../http/errors.ts';
import { gateApi } from '../http/guard.ts';
import { logApiCall, logUnhandled } from '../http/log.ts';
import { readNodeJsonObject } from '../http/read-body.ts';
import { pipeToClient } from '../http/relay-stream.ts';
import { geminiCall } from './gemini.ts';
import { callLlm, type LlmUpstreamCall } from './llm-relay.ts';
import { openaiCall } from './openai.ts';

const GEMINI_PREFIX = '/api/llm/gemini/v1beta/models/';
const OPENAI_PATH = '/api/llm/openai/v1/chat/completions';
/** One path segment as the h3 route's `:target` takes it; anything else (escapes, more segments) goes to h3. */
const PLAIN_SEGMENT = /^[^/%]+$/;

type BuildCall = (readBody: () => Promise<Record<string, unknown>>) => Promise<LlmUpstreamCall>;

/** A node:http handler that serves the LLM routes and returns true, or returns false for h3 to serve the request. */
export function fastLlmPath(ctx: ProxyContext): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'POST' || req.headers.host === undefined) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const pathname = query < 0 ? url : url.slice(0, query);
    const build = callBuilderFor(ctx, pathname);
    if (!build) return false;
    void serveLlm(ctx, req, res, pathname, build);
    return true;
  };
}

function callBuilderFor(ctx: ProxyContext, pathname: string): BuildCall | undefined {
  if (pathname === OPENAI_PATH) return (readBody) => openaiCall(ctx, readBody);
  if (!pathname.startsWith(GEMINI_PREFIX)) return undefined;
  const target = pathname.slice(GEMINI_PREFIX.length);
  return PLAIN_SEGMENT.test(target) ? (readBody) => geminiCall(ctx, target, readBody) : undefined;
}

async function serveLlm(ctx: ProxyContext, req: IncomingMessage, res: ServerResponse, pathname: string, build: BuildCall): Promise<void> {
  const startedAt = performance.now();
  let cors: Record<string, string> | null = null;
  let status: number;
  try {
    const verdict = gateApi(ctx, {
      method: 'POST',
      pathname,
      origin: req.headers.origin ?? null,
      host: req.headers.host ?? '',
      authorization: req.headers.authorization ?? null,
      ip: req.socket.remoteAddress,
    });
    cors = verdict.cors;
    const refusal = await verdict.stop;
    if (refusal) {
      status = await send(res, refusal, cors);
    } else {
      const call = await build(() => readNodeJsonObject(req, ctx.config.maxBodyBytes));
      const answer = await callLlm(ctx, call, clientGone(res));
      if (answer instanceof Response) {
        status = await send(res, answer, cors);
      } else {
        status = answer.status;
        await pipeToClient(res, answer.upstream, answer.status, { ...cors, ...answer.headers });
      }
    }
  } catch (error) {
    if (!(error instanceof ProxyError)) logUnhandled(ctx.log, 'POST', pathname, error);
    status = await send(res, error instanceof ProxyError ? error.toResponse() : internalErrorResponse(), cors);
  }
  logApiCall(ctx.log, 'POST', pathname, status, startedAt);
}

/** Aborts when the client's response closes before it was finished (the client went away). */
function clientGone(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

/** Sends one of the proxy's own responses (with the granted CORS headers); resolves with its status. */
async function send(res: ServerResponse, response: Response, cors: Record<string, string> | null): Promise<number> {
  // Read first: srvx's fast response no longer knows its status once it has been sent.
  const status = response.status;
  if (cors) for (const [name, value] of Object.entries(cors)) response.headers.set(name, value);
  await sendNodeResponse(res, response).catch(() => res.destroy());
  return status;
}
