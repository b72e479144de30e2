// The app's small Gemini request and its translation into Gemini's wire body, plus the per-model
// thinking setting and the proxy paths. Pure: no fetch here.

/** One turn of the conversation, as the app keeps it. */
export interface GeminiTurn {
  role: 'user' | 'model';
  text: string;
}

/** What the app asks of the model: one call's prompt, history and output settings. */
export interface GeminiRequest {
  /** Gemini model id, e.g. `gemini-2.5-flash` (must be on the proxy's allowlist). */
  model: string;
  /** System instruction; left out when empty. */
  system?: string;
  /** The conversation, oldest first; must start with a user turn. */
  contents: GeminiTurn[];
  /** Ask for JSON that fits this schema (Gemini's OpenAPI-style responseSchema). */
  json?: { schema: Record<string, unknown> };
  /** Sampling temperature; default 0.7 (the seed's). */
  temperature?: number;
  /** Output token limit; default 1024 (the seed's). Warning: thinking tokens count against it. */
  maxOutputTokens?: number;
}

/** Gemini's thinkingConfig: 2.5 models take a budget, Gemini 3 a level, and none accepts both. */
export type ThinkingConfig = { thinkingBudget: number } | { thinkingLevel: 'low' | 'high' };

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

/** Default sampling temperature (the seed's). */
export const DEFAULT_TEMPERATURE = 0.7;

/** Default output token limit (the seed's). */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

/** The least thinking each model family allows: off where it can be, else undefined (the model's default). */
export function thinkingConfigFor(model: string): ThinkingConfig | undefined {
  const id = model.trim().toLowerCase().replace(/^models\//, '');
  // Gemini 3 rejects thinkingBudget; 'low' is the lowest level every Gemini 3 model accepts.
  if (id.startsWith('gemini-3')) return { thinkingLevel: 'low' };
  // Covers gemini-2.5-flash, -flash-lite and their dated previews.
  if (id.startsWith('gemini-2.5-flash')) return { thinkingBudget: 0 };
  // gemini-2.5-pro cannot turn thinking off (a budget of 0 is refused); older and unknown models get nothing.
  return undefined;
}

/** Builds Gemini's request body; throws when the history does not start with a user turn (a programming error). */
export function buildGeminiBody(request: GeminiRequest): GeminiBody {
  const first = request.contents[0];
  if (!first) throw new Error('Gemini request: `contents` is empty; it must hold at least one user turn.');
  if (first.role !== 'user') {
    throw new Error(`Gemini request: \`contents\` must start with a user turn, not a ${first.role} turn (Gemini refuses such a history).`);
  }
  const thinkingConfig = thinkingConfigFor(request.model);
  const body: GeminiBody = {
    contents: request.contents.map((turn) => ({ role: turn.role, parts: [{ text: turn.text }] })),
    generationConfig: {
      temperature: request.temperature ?? DEFAULT_TEMPERATURE,
      maxOutputTokens: request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS,
      ...(request.json ? { responseMimeType: 'application/json', responseSchema: request.json.schema } : {}),
      ...(thinkingConfig ? { thinkingConfig } : {}),
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
