// POST /api/llm/gemini/v1beta/models/{model}:(stream)generateContent: checks the call and relays it to Gemini with our key.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { assertModelAllowed, parseTarget, tightenBody } from './gemini-request.ts';
import { relayLlm } from './llm-relay.ts';

/** Handles one Gemini call; streams are piped through as they arrive, never buffered. */
export function geminiHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response | symbol> => {
    const gemini = ctx.config.gemini;
    if (!gemini) throw new ProxyError(503, 'not_configured', 'Gemini is not configured on this server: set GEMINI_API_KEY.');
    const { model, action } = parseTarget(event.context.params?.target ?? '');
    assertModelAllowed(model, gemini);
    const body = tightenBody(await readJsonObject(event.req, ctx.config.maxBodyBytes), gemini);
    const stream = action === 'streamGenerateContent';
    return relayLlm(ctx, event, {
      service: 'Gemini',
      url: `${gemini.baseUrl}/v1beta/models/${model}:${action}${stream ? '?alt=sse' : ''}`,
      headers: { 'x-goog-api-key': gemini.apiKey },
      body,
      stream,
    });
  };
}
