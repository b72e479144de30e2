// The app's one request to a language model, whichever provider runs it, and its defaults. Pure data:
// each provider (gemini/, openai/) turns it into its own wire body.

/** One turn of the conversation, as the app keeps it. */
export interface LlmTurn {
  role: 'user' | 'model';
  text: string;
}

/** What the app asks of the model: one call's prompt, history and output settings. */
export interface LlmRequest {
  /** The model asked for: a model reference (`provider:model`, see model-ref.ts) to the client, a provider's own model id inside a provider. */
  model: string;
  /** System instruction; left out when empty. */
  system?: string;
  /** The conversation, oldest first; must start with a user turn. */
  contents: LlmTurn[];
  /**
   * Ask for JSON that fits this schema: an OpenAPI 3.0 schema object as Gemini's responseSchema takes it
   * (`type: 'OBJECT'`, upper or lower case), translated by each provider; `name` labels it where a provider needs one.
   */
  json?: { schema: Record<string, unknown>; name?: string };
  /** Sampling temperature; default 0.7 (the seed's). Models that only work well at another value override it. */
  temperature?: number;
  /** Output token limit; default 1024 (the seed's). Warning: thinking tokens count against it on most models. */
  maxOutputTokens?: number;
}

/** Default sampling temperature (the seed's). */
export const DEFAULT_TEMPERATURE = 0.7;

/** Default output token limit (the seed's). */
export const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

/** Throws a programming error (not an LlmError) for a history no provider accepts: empty, or not starting with the user. */
export function assertUserFirst(request: LlmRequest): void {
  const first = request.contents[0];
  if (!first) throw new Error('LLM request: `contents` is empty; it must hold at least one user turn.');
  if (first.role !== 'user') {
    throw new Error(`LLM request: \`contents\` must start with a user turn, not a ${first.role} turn (Gemini refuses such a history).`);
  }
}
