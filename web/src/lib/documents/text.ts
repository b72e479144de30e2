// Plain text and Markdown files to a string: UTF-8 (with or without BOM) and UTF-16 LE/BE with BOM.
// Markdown stays as written (an LLM reads it well); normalize.ts then evens out line endings and spaces.
import type { TextEncoding } from './detect.ts';

/** Decodes a text file in the encoding detectDocument found, without its byte-order mark. */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  // TextDecoder drops a leading byte-order mark by default. Not fatal: bytes past the sample detection checked that
  // do not decode become U+FFFD instead of failing the whole file.
  return new TextDecoder(encoding).decode(bytes);
}
