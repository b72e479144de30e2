// POST /api/llm/openai/v1/chat/completions: checks the call and relays it to the OpenAI-compatible server with our key.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { relayLlm } from './llm-relay.ts';
import { checkChatBody, tightenChatBody } from './openai-request.ts';

/** Handles one chat completion; streams are piped through as they arrive, never buffered. */
export function openaiHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response | symbol> => {
    const openai = ctx.config.openai;
    if (!openai) throw new ProxyError(503, 'not_configured', 'No OpenAI-compatible server is configured here: set OPENAI_BASE_URL and OPENAI_MODEL.');
    const body = checkChatBody(await readJsonObject(event.req, ctx.config.maxBodyBytes), openai);
    return relayLlm(ctx, event, {
      service: 'The OpenAI-compatible server',
      url: `${openai.baseUrl}/chat/completions`,
      headers: openai.apiKey ? { authorization: `Bearer ${openai.apiKey}` } : {},
      body: tightenChatBody(body, openai),
      stream: body.stream === true,
    });
  };
}
