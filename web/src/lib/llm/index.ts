// Public face of the LLM client: one neutral request, the shared client that calls a provider through the proxy,
// and the providers (gemini/, openai/) the app shell picks from. Our own small client rather than an SDK: the
// official ones add far more to the app shell's 150 kB budget than these files do, talk to the vendor's URL with a
// key while we stream SSE over our proxy's /api path with a bearer token, and retry on their own terms, whereas we
// must retry only before any text reached the speaker (the interview machine retries a whole turn itself, so the
// transcript never gets a duplicate).
export { DEFAULT_MAX_RETRIES, generate, MAX_OUTPUT_TOKENS_CEILING, streamGenerate, type GenerateOptions, type StreamResult } from './client.ts';
export { defaultUserMessage, isRetryableKind, LlmError, type Finish, type LlmErrorKind } from './errors.ts';
export { createLlmClient, type LlmClient } from './llm-client.ts';
export { chosenModel, modelMenu, UNKNOWN_PROVIDER_MESSAGE, type ModelMenu, type ModelOffer, type ModelOption } from './model-options.ts';
export { modelRef, parseModelRef, type ModelChoice } from './model-ref.ts';
export type { LlmProvider, ProviderCall, StreamEvent, StreamReader, WholeReply } from './provider.ts';
export { DEFAULT_MAX_OUTPUT_TOKENS, DEFAULT_TEMPERATURE, type LlmRequest, type LlmTurn } from './request.ts';
export type { RetryEvent, RetryReason } from './retry.ts';
export { geminiProvider } from './gemini/index.ts';
export { createOpenAiProvider } from './openai/index.ts';
