// Model references: which provider and which of its models, in one string that an interview can store
// without knowing providers (`openai:llama3.2:3b`). Pure.

/** A provider and one of its models. */
export interface ModelChoice {
  /** The provider's id, e.g. `gemini` or `openai`. */
  provider: string;
  /** The provider's own model id, e.g. `gemini-2.5-flash` or `qwen3:8b`. */
  model: string;
}

/** The provider that a bare model id (no `provider:` prefix) means: interviews saved before there were providers hold one. */
export const LEGACY_PROVIDER = 'gemini';

const PREFIX = /^([a-z][a-z0-9-]*):(.+)$/;

/** The reference of a provider's model, e.g. `openai:qwen3:8b`. */
export function modelRef(choice: ModelChoice): string {
  return `${choice.provider}:${choice.model}`;
}

/** Splits a reference at its first colon (model ids may hold colons and slashes themselves); a bare id is a Gemini model. */
export function parseModelRef(ref: string): ModelChoice {
  const match = PREFIX.exec(ref);
  if (match?.[1] && match[2]) return { provider: match[1], model: match[2] };
  return { provider: LEGACY_PROVIDER, model: ref };
}
