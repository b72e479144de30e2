// Gemini's wire request: the app's LlmRequest as a generateContent body, with the per-model thinking rules,
// and the proxy paths of its two methods. Pure.
import { DEFAULT_TEMPERATURE, type LlmRequest } from '../request.ts';
import { geminiRuleFor, type ThinkingConfig } from './models.ts';

/** The JSON body sent to generateContent / streamGenerateContent. */
export interface GeminiBody {
  systemInstruction?: { parts: { text: string }[] };
  contents: { role: 'user' | 'model'; parts: { text: string }[] }[];
  generationConfig: {
    temperature: number;
    maxOutputTokens: number;
    responseMimeType?: 'application/json';
    responseSchema?: Record<string, unknown>;
    thinkingConfig?: ThinkingConfig;
  };
}

/** Builds Gemini's request body for a try with `room` output tokens for the reply (the model's thinking gets its own on top). */
export function buildGeminiBody(request: LlmRequest, room: number): GeminiBody {
  const rule = geminiRuleFor(request.model);
  const body: GeminiBody = {
    contents: request.contents.map((turn) => ({ role: turn.role, parts: [{ text: turn.text }] })),
    generationConfig: {
      temperature: rule.temperature ?? request.temperature ?? DEFAULT_TEMPERATURE,
      maxOutputTokens: room + rule.thinkingRoom,
      ...(request.json ? { responseMimeType: 'application/json', responseSchema: request.json.schema } : {}),
      ...(rule.thinking ? { thinkingConfig: rule.thinking } : {}),
    },
  };
  if (request.system) body.systemInstruction = { parts: [{ text: request.system }] };
  return body;
}

/** The proxy path of a model's method: streamed as SSE, or one JSON answer. */
export function geminiPath(model: string, stream: boolean): string {
  const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return `/api/llm/gemini/v1beta/models/${encodeURIComponent(model)}:${method}`;
}
