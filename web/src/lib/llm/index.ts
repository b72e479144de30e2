// Public face of the Gemini client: streamGenerate / generate through the proxy, their request and error types.
// Our own small client rather than @google/genai: that SDK adds far more to the app shell's 150 kB budget than
// these few files do, it talks to Google's URL with a key while we stream SSE over our proxy's /api path with
// a bearer token, and it retries on its own terms, whereas we must retry only before any text reached the
// speaker (the interview machine retries a whole turn itself, so the transcript never gets a duplicate).
export { generate, streamGenerate, DEFAULT_MAX_RETRIES, type GenerateOptions, type StreamResult } from './client.ts';
export { defaultUserMessage, isRetryableKind, LlmError, type LlmErrorKind } from './errors.ts';
export {
  buildGeminiBody,
  DEFAULT_MAX_OUTPUT_TOKENS,
  DEFAULT_TEMPERATURE,
  thinkingConfigFor,
  type GeminiBody,
  type GeminiRequest,
  type GeminiTurn,
  type ThinkingConfig,
} from './request.ts';
export type { RetryEvent, RetryReason } from './retry.ts';
