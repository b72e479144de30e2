// A pure, incremental Server-Sent Events parser: bytes or text in, the `data:` payload of each event out.
// Follows the WHATWG event-stream rules for lines (CRLF, LF or CR), comments, fields and multi-line data.

/** An incremental SSE parser; feed it chunks in order, then call `end()` once. */
export interface SseParser {
  /** Adds a chunk (UTF-8 bytes or already-decoded text) and returns the payloads of the events it completed. */
  push(chunk: Uint8Array | string): string[];
  /** Flushes the decoder at end of stream; returns the payloads of any events completed by that. */
  end(): string[];
}

/** Creates an SSE parser that keeps partial lines, events and UTF-8 sequences between chunks. */
export function createSseParser(): SseParser {
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
      // An event the stream did not finish with a blank line is dropped, as the SSE rules say.
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
