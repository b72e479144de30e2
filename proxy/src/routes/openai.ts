// POST /api/llm/openai/v1/chat/completions: checks the call and relays it to the OpenAI-compatible server with our key.
import type { H3Event } from 'h3';
import type { ProxyContext } from '../context.ts';
import { ProxyError } from '../http/errors.ts';
import { readJsonObject } from '../http/read-body.ts';
import { relayLlm, type LlmUpstreamCall } from './llm-relay.ts';
import { checkChatBody, tightenChatBody } from './openai-request.ts';

/** Handles one chat completion; streams are piped through as they arrive, never buffered. */
export function openaiHandler(ctx: ProxyContext) {
  return async (event: H3Event): Promise<Response | symbol> => {
    const call = await openaiCall(ctx, () => readJsonObject(event.req, ctx.config.maxBodyBytes));
    return relayLlm(ctx, event, call);
  };
}

/**
 * Checks one chat completion (configured, then the body `readBody` gives: model, `n` 1, max tokens clamped) and
 * builds the upstream call with our key. Both server paths use it (h3's, and the bare node:http one in fast-llm-path.ts).
 */
export async function openaiCall(ctx: ProxyContext, readBody: () => Promise<Record<string, unknown>>): Promise<LlmUpstreamCall> {
  const openai = ctx.config.openai;
  if (!openai) throw new ProxyError(503, 'not_configured', 'No OpenAI-compatible server is configured here: set OPENAI_BASE_URL and OPENAI_MODEL.');
  const body = checkChatBody(await readBody(), openai);
  return {
    service: 'The OpenAI-compatible server',
    url: `${openai.baseUrl}/chat/completions`,
    headers: openai.apiKey ? { authorization: `Bearer ${openai.apiKey}` } : {},
    body: tightenChatBody(body, openai),
    stream: body.stream === true,
  };
}
