// The client the app shell builds from its providers: it reads each request's model reference, picks that
// provider and runs the shared client. The interview holds only this interface, never a provider.
import { generate, streamGenerate, type GenerateOptions, type StreamResult } from './client.ts';
import { LlmError } from './errors.ts';
import { parseModelRef } from './model-ref.ts';
import type { LlmProvider } from './provider.ts';
import type { LlmRequest } from './request.ts';

/** The two calls the interview makes; `request.model` is a model reference (`provider:model`). */
export interface LlmClient {
  /** Returns the whole reply at once (use with `json`). Throws LlmError. */
  generate(request: LlmRequest, options?: GenerateOptions): Promise<string>;
  /** Streams the reply as text deltas, returning `{ text, finishReason }`. Throws LlmError. */
  streamGenerate(request: LlmRequest, options?: GenerateOptions): AsyncGenerator<string, StreamResult, undefined>;
}

/** Builds the client over the providers this app knows; a reference to any other provider fails with a plain message. */
export function createLlmClient(providers: readonly LlmProvider[]): LlmClient {
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const resolve = (request: LlmRequest): [LlmProvider, LlmRequest] => {
    const choice = parseModelRef(request.model);
    const provider = byId.get(choice.provider);
    if (!provider) {
      throw new LlmError('not-configured', `No provider "${choice.provider}" in this app.`, {
        userMessage: `This interview uses a language model this version of the app does not know ("${choice.provider}"). Reload the page to update the app.`,
      });
    }
    return [provider, { ...request, model: choice.model }];
  };
  return {
    async generate(request, options) {
      const [provider, own] = resolve(request);
      return generate(provider, own, options);
    },
    async *streamGenerate(request, options) {
      const [provider, own] = resolve(request);
      return yield* streamGenerate(provider, own, options);
    },
  };
}
