// Reads a request body into memory with a hard size limit, answering 413 past it; from a web Request (h3) or
// straight from a Node request (the streaming LLM routes' node:http path), with the same limit and JSON checks.
import type { IncomingMessage } from 'node:http';
import { ProxyError } from './errors.ts';

/** Reads the whole body as text, refusing more than `limit` bytes (declared or streamed). */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  refuseDeclaredOverLimit(request.headers.get('content-length'), limit);
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
  return parseJsonObject(await readBodyText(request, limit));
}

/**
 * Reads a Node request's JSON object body with the same limit and checks as `readJsonObject`. Warning: past the
 * limit it stops reading (the rest is never buffered) and throws the 413 at once.
 */
export function readNodeJsonObject(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  refuseDeclaredOverLimit(request.headers['content-length'] ?? null, limit);
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData);
        request.off('end', onEnd);
        reject(tooLarge(limit));
        return;
      }
      parts.push(chunk);
    };
    const onEnd = () => {
      try {
        resolve(parseJsonObject(Buffer.concat(parts, size).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    };
    request.on('data', onData);
    request.once('end', onEnd);
    request.once('error', reject);
    // A client that leaves mid-body never sends its end: settle anyway, so nothing waits on it.
    request.once('close', () => {
      if (!request.complete) reject(new ProxyError(400, 'bad_request', 'The request body was cut off before it ended.'));
    });
  });
}

/** Parses a JSON object; non-objects and bad JSON are 400s. */
function parseJsonObject(text: string): Record<string, unknown> {
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

function refuseDeclaredOverLimit(contentLength: string | null, limit: number): void {
  if (Number(contentLength ?? NaN) > limit) throw tooLarge(limit);
}

function tooLarge(limit: number): ProxyError {
  return new ProxyError(413, 'payload_too_large', `The request body is larger than the proxy's limit of ${limit} bytes.`);
}
