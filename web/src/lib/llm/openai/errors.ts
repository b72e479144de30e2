// The error half of OpenAI-compatible servers: their error bodies (OpenAI's, Ollama's, vLLM's old and new,
// llama.cpp's, OpenRouter's) read into one shape and mapped onto LlmError, in words that say who can fix what. Pure.
import { LlmError, llmErrorByStatus, type HttpFailure } from '../errors.ts';
import { parseRetryAfterMs } from '../../common/index.ts';

/** What any of the servers' error bodies says. */
export interface ServerError {
  message: string | undefined;
  /** OpenAI's `code` or `type` (e.g. `model_not_found`, `insufficient_quota`), or a number some servers put there. */
  code: string | number | undefined;
  type: string | undefined;
}

/** Reads an error body in any of the known shapes; undefined when it is none of them. */
export function readServerError(body: unknown): ServerError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  // vLLM before 0.10: the error fields at the top, marked `"object": "error"`.
  const error = record['object'] === 'error' ? record : record['error'];
  if (typeof error === 'string') return { message: error, code: undefined, type: undefined };
  if (typeof error !== 'object' || error === null) {
    return typeof record['detail'] === 'string' ? { message: record['detail'], code: undefined, type: undefined } : undefined;
  }
  const fields = error as Record<string, unknown>;
  const code = typeof fields['code'] === 'string' || typeof fields['code'] === 'number' ? fields['code'] : undefined;
  return {
    message: typeof fields['message'] === 'string' ? fields['message'] : undefined,
    code,
    type: typeof fields['type'] === 'string' ? fields['type'] : undefined,
  };
}

const SERVER = 'the OpenAI-compatible server';

/** Maps an error the model server answered (relayed by the proxy, or sent inside a stream) to an LlmError. */
export function openAiUpstreamError(failure: HttpFailure, now = Date.now()): LlmError {
  const { status } = failure;
  const error = readServerError(failure.body);
  const words = `${String(error?.code ?? '')} ${error?.type ?? ''} ${error?.message ?? ''}`.toLowerCase();
  const message = `${SERVER} answered HTTP ${String(status)}: ${error?.message ?? 'no description'}`;
  const model = failure.model ? `"${failure.model}"` : 'this model';
  const operator = (userMessage: string) => new LlmError('misconfigured', message, { status, userMessage });
  if (/insufficient_quota|exceeded your current quota|out of credits|insufficient credits/.test(words) || status === 402) {
    return new LlmError('quota-exhausted', message, {
      status,
      userMessage: "The language model service says this server's account has no credit or quota left. Whoever runs the xquizit server needs to top it up.",
    });
  }
  if (/moderation|flagged/.test(words)) return new LlmError('safety', message, { status });
  if (status === 401 || (status === 403 && /api.?key|auth/.test(words))) {
    return operator("The language model server did not accept this server's key. Whoever runs the xquizit server needs to check OPENAI_API_KEY.");
  }
  if (status === 404 || /model_not_found|not_found_error|does not exist|not found/.test(words)) {
    return operator(
      `The language model server does not have the model ${model}. Pick another model on the setup screen; whoever runs the server needs to install it (for Ollama: ollama pull) or take it off OPENAI_MODELS.`,
    );
  }
  if (/context.?length|context size|context window|maximum context|too many tokens/.test(words)) {
    return new LlmError('bad-request', message, {
      status,
      userMessage:
        "Your documents and the conversation are too long for this model's context window. Shorten the resume or job description, or ask whoever runs the server for a model with a longer context.",
    });
  }
  return llmErrorByStatus(status, message, { retryAfterMs: parseRetryAfterMs(failure.headers?.get('retry-after'), now) });
}

/** The status an error sent inside a 200 stream stands for: its numeric code, else a server error. */
export function statusOfStreamError(error: ServerError): number {
  return typeof error.code === 'number' && error.code >= 400 && error.code < 600 ? error.code : 500;
}
