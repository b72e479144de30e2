// The seam between the shared client (retries, abort, errors) and one LLM provider's wire format:
// its proxy path, request body, chunk reader and the mapping of its own errors. One folder per provider.
import type { Finish, HttpFailure, LlmError } from './errors.ts';
import type { LlmRequest } from './request.ts';

/** What a provider's stream reader finds in the bytes: visible text, why the reply stopped, or an error the server sent inside the stream. */
export type StreamEvent = { type: 'text'; text: string } | { type: 'finish'; finish: Finish } | { type: 'error'; error: LlmError };

/** An incremental reader of one streamed reply; feed it the body's chunks in order, then call `end()` once. */
export interface StreamReader {
  push(chunk: Uint8Array): StreamEvent[];
  end(): StreamEvent[];
}

/** A whole (non-streamed) reply: its visible text and why it stopped. */
export interface WholeReply {
  text: string;
  finish: Finish | undefined;
}

/** One call as a provider makes it; it may keep what it learnt from a refusal for the next try of the same call. */
export interface ProviderCall {
  /** The proxy path to POST to, e.g. `/api/llm/openai/v1/chat/completions`. */
  readonly path: string;
  /** The request body for a try with `maxOutputTokens` of room (the client gives more room after a reply cut at the limit). */
  body(maxOutputTokens: number): unknown;
  /** A fresh reader for one streamed try. */
  streamReader(): StreamReader;
  /** Reads a whole reply's parsed JSON; throws LlmError when it carries an error or is not a reply. */
  readWhole(json: unknown): WholeReply;
  /** Maps an error response the proxy relayed from the provider's server. */
  upstreamError(failure: HttpFailure): LlmError;
  /** After the server refused the body (a 400), drops what it refused and returns true when another try may succeed. */
  adaptToRefusal(error: LlmError): boolean;
}

/** One language model provider the app can talk to through the proxy. */
export interface LlmProvider {
  /** The id the proxy's health report uses, e.g. `gemini` or `openai`. */
  readonly id: string;
  /** Its name for people, e.g. "Gemini". */
  readonly name: string;
  /** Starts one call of `request` (whose `model` is this provider's own model id). */
  start(request: LlmRequest, options: { stream: boolean }): ProviderCall;
}
