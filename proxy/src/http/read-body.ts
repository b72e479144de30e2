// Reads a request body into memory with a hard size limit, answering 413 past it.
import { ProxyError } from './errors.ts';

/** Reads the whole body as text, refusing more than `limit` bytes (declared or streamed). */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw tooLarge(limit);
  let text: string;
  try {
    // On a socket srvx reads the Node request directly and stops at the limit (see server.ts).
    text = await request.text();
  } catch (error) {
    if (error instanceof Error && error.name === 'BodyTooLargeError') throw tooLarge(limit);
    throw error;
  }
  if (Buffer.byteLength(text) > limit) throw tooLarge(limit);
  return text;
}

/** Reads and parses a JSON object body; non-objects and bad JSON are 400s. */
export async function readJsonObject(request: Request, limit: number): Promise<Record<string, unknown>> {
  const text = await readBodyText(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ProxyError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProxyError(400, 'bad_request', 'The request body must be a JSON object.');
  }
  return value as Record<string, unknown>;
}

function tooLarge(limit: number): ProxyError {
  return new ProxyError(413, 'payload_too_large', `The request body is larger than the proxy's limit of ${limit} bytes.`);
}
