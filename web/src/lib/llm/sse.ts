// A pure, incremental Server-Sent Events parser: bytes or text in, the `data:` payload of each event out.
// Follows the WHATWG event-stream rules for lines (CRLF, LF or CR), comments, fields and multi-line data.

/** An incremental SSE parser; feed it chunks in order, then call `end()` once. */
export interface SseParser {
  /** Adds a chunk (UTF-8 bytes or already-decoded text) and returns the payloads of the events it completed. */
  push(chunk: Uint8Array | string): string[];
  /** Flushes the decoder at end of stream; returns the payloads of any events completed by that. */
  end(): string[];
}

/** What else a parser reports besides events. */
export interface SseParserOptions {
  /**
   * Called with each line that is neither a comment nor an SSE field (`data`, `event`, `id`, `retry`), which the SSE rules
   * ignore: where a server writes a bare JSON error into its event stream, these lines hold it. An unterminated last line counts.
   */
  onStrayLine?: (line: string) => void;
}

const SSE_FIELDS = new Set(['data', 'event', 'id', 'retry']);

/** Creates an SSE parser that keeps partial lines, events and UTF-8 sequences between chunks. */
export function createSseParser(options: SseParserOptions = {}): SseParser {
  const decoder = new TextDecoder('utf-8');
  let buffer = '';
  let dataLines: string[] = [];
  let sawData = false;
  let atStart = true;

  function takeLine(line: string, out: string[]): void {
    if (line === '') {
      if (sawData) out.push(dataLines.join('\n'));
      dataLines = [];
      sawData = false;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (!SSE_FIELDS.has(field)) options.onStrayLine?.(line);
    if (field !== 'data') return;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    dataLines.push(value);
    sawData = true;
  }

  function drain(final: boolean): string[] {
    const out: string[] = [];
    if (atStart && buffer.length > 0) {
      if (buffer.charCodeAt(0) === 0xfeff) buffer = buffer.slice(1);
      atStart = false;
    }
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const code = buffer.charCodeAt(i);
      if (code !== 0x0a && code !== 0x0d) continue;
      // Warning: a CR at the very end of a chunk may be the first half of a CRLF split across chunks.
      if (code === 0x0d && i === buffer.length - 1 && !final) break;
      takeLine(buffer.slice(start, i), out);
      if (code === 0x0d && buffer.charCodeAt(i + 1) === 0x0a) i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
    if (final) {
      // An event the stream did not finish with a blank line is dropped, as the SSE rules say; stray text is still reported.
      const rest = buffer.trim();
      const field = rest.slice(0, rest.includes(':') ? rest.indexOf(':') : undefined);
      if (rest !== '' && !rest.startsWith(':') && !SSE_FIELDS.has(field)) options.onStrayLine?.(rest);
      buffer = '';
      dataLines = [];
      sawData = false;
    }
    return out;
  }

  return {
    push(chunk) {
      buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      return drain(false);
    },
    end() {
      buffer += decoder.decode();
      return drain(true);
    },
  };
}

/** Parses a whole SSE stream at once (a convenience for tests and non-streaming callers). */
export function parseSse(stream: Uint8Array | string): string[] {
  const parser = createSseParser();
  return [...parser.push(stream), ...parser.end()];
}
