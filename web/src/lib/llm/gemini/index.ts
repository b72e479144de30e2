// Public face of the Gemini provider: Google's generateContent through the proxy's /api/llm/gemini route.
import { LlmError } from '../errors.ts';
import type { LlmProvider, WholeReply } from '../provider.ts';
import { buildGeminiBody, geminiPath } from './body.ts';
import { geminiBlockedError, geminiUpstreamError } from './errors.ts';
import { geminiFinish, readGeminiResponse } from './response.ts';
import { createGeminiStreamReader } from './stream.ts';

export { buildGeminiBody, geminiPath, type GeminiBody } from './body.ts';
export { GEMINI_MODEL_RULES, geminiRuleFor, type GeminiModelRule, type ThinkingConfig, type ThinkingLevel } from './models.ts';

/** Gemini, as the shared client calls it. */
export const geminiProvider: LlmProvider = {
  id: 'gemini',
  name: 'Gemini',
  start(request, { stream }) {
    return {
      path: geminiPath(request.model, stream),
      body: (room) => buildGeminiBody(request, room),
      streamReader: () => createGeminiStreamReader(request.model),
      readWhole: (json) => readWhole(json, request.model),
      upstreamError: (failure) => geminiUpstreamError(failure),
      // Gemini's body holds nothing a server may refuse for being unknown to it.
      adaptToRefusal: () => false,
    };
  },
};

function readWhole(json: unknown, model: string): WholeReply {
  const chunk = readGeminiResponse(json);
  if (!chunk) throw new LlmError('unavailable', 'Gemini answered with JSON that is not a response object.');
  if (chunk.error) throw geminiUpstreamError({ status: chunk.error.code ?? 500, body: json, model });
  if (chunk.blockReason) throw geminiBlockedError(chunk.blockReason);
  return { text: chunk.text, finish: chunk.finishReason ? geminiFinish(chunk.finishReason) : undefined };
}
