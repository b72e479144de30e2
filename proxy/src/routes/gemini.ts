// POST /api/llm/gemini/v1beta/models/{model}:(stream)generateContent: checks the call and relays it to Gemini with our key.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { assertModelAllowed, parseTarget, tightenBody } from './gemini-request.ts';
import { relayLlm, type LlmUpstreamCall } from './llm-relay.ts';

/** Handles one Gemini call; streams are piped through as they arrive, never buffered. */
export function geminiHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response | symbol> => {
    const call = await geminiCall(ctx, event.context.params?.target ?? '', () => readJsonObject(event.req, ctx.config.maxBodyBytes));
    return relayLlm(ctx, event, call);
  };
}

/**
 * Checks one Gemini call (configured, target, allowlist, then the body `readBody` gives, clamped) and builds the
 * upstream call with our key. Both server paths use it (h3's, and the bare node:http one in fast-llm-path.ts).
 */
export async function geminiCall(ctx: ProxyContext, target: string, readBody: () => Promise<Record<string, unknown>>): Promise<LlmUpstreamCall> {
  const gemini = ctx.config.gemini;
  if (!gemini) throw new ProxyError(503, 'not_configured', 'Gemini is not configured on this server: set GEMINI_API_KEY.');
  const { model, action } = parseTarget(target);
  assertModelAllowed(model, gemini);
  const body = tightenBody(await readBody(), gemini);
  const stream = action === 'streamGenerateContent';
  return {
    service: 'Gemini',
    url: `${gemini.baseUrl}/v1beta/models/${model}:${action}${stream ? '?alt=sse' : ''}`,
    headers: { 'x-goog-api-key': gemini.apiKey },
    body,
    stream,
  };
}
