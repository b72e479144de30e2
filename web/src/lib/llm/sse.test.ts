// Table tests for the incremental SSE parser, including the captured Gemini streams cut at every byte.
import { describe, expect, it } from 'vitest';
import { createSseParser, parseSse } from './sse.ts';
import { chunkBySizes, fixtureEventTexts, GEMINI_FIXTURES, readGeminiFixture, splitAt, utf8 } from './testdata/fixtures.ts';

function parseChunks(chunks: readonly (Uint8Array | string)[]): string[] {
  const parser = createSseParser();
  return [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
}

const cases: [name: string, stream: string, payloads: string[]][] = [
  ['one LF event', 'data: a\n\n', ['a']],
  ['one CRLF event', 'data: a\r\n\r\n', ['a']],
  ['one CR event', 'data: a\r\r', ['a']],
  ['mixed line endings', 'data: a\r\n\ndata: b\n\r\ndata: c\r\r', ['a', 'b', 'c']],
  ['multi-line data joined with LF', 'data: a\ndata: b\r\ndata: c\n\n', ['a\nb\nc']],
  ['no space after the colon', 'data:a\n\n', ['a']],
  ['only one leading space removed', 'data:  a \n\n', [' a ']],
  ['empty data line', 'data:\n\n', ['']],
  ['field name without colon counts as empty data', 'data\n\n', ['']],
  ['comments ignored', ': keep-alive\ndata: a\n: more\n\n', ['a']],
  ['a comment alone makes no event', ': ping\n\n', []],
  ['other fields ignored', 'event: x\nid: 7\nretry: 100\ndata: a\n\n', ['a']],
  ['unknown field ignored', 'foo: bar\n\n', []],
  ['blank lines between events', '\n\ndata: a\n\n\n\ndata: b\n\n', ['a', 'b']],
  ['unfinished last event dropped', 'data: a\n\ndata: b\n', ['a']],
  ['unfinished last line dropped', 'data: a\n\ndata: b', ['a']],
  ['leading BOM removed', '\uFEFFdata: a\n\n', ['a']],
  ['colon inside the value kept', 'data: {"a": "b:c"}\n\n', ['{"a": "b:c"}']],
  ['"data" must be the whole field name', 'datum: x\ndata : y\n\n', []],
  ['empty stream', '', []],
];

describe('createSseParser', () => {
  it.each(cases)('%s (whole)', (_name, stream, payloads) => {
    expect(parseSse(stream)).toEqual(payloads);
  });

  it.each(cases)('%s (cut at every offset, as text and as bytes)', (_name, stream, payloads) => {
    for (let i = 0; i <= stream.length; i++) {
      expect(parseChunks([stream.slice(0, i), stream.slice(i)])).toEqual(payloads);
    }
    const bytes = utf8(stream);
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseChunks(splitAt(bytes, [i]))).toEqual(payloads);
    }
  });

  it.each(cases)('%s (one character at a time)', (_name, stream, payloads) => {
    expect(parseChunks([...stream])).toEqual(payloads);
  });

  it('returns each event as soon as its blank line arrives', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r\n')).toEqual([]);
    expect(parser.push('\r')).toEqual([]);
    expect(parser.push('\ndata: b\r\n\r\n')).toEqual(['a', 'b']);
    expect(parser.end()).toEqual([]);
  });

  it('does not take a CR at the end of a chunk for a whole line ending', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\r\n')).toEqual(['a']);
  });

  it('keeps a UTF-8 character split across chunks', () => {
    const bytes = utf8('data: 秋天 🙂\n\n');
    expect(parseChunks(bytes.reduce<Uint8Array[]>((pieces, _b, i) => [...pieces, bytes.subarray(i, i + 1)], []))).toEqual(['秋天 🙂']);
  });
});

describe('createSseParser on the captured Gemini streams', () => {
  it.each(GEMINI_FIXTURES)('%s: payloads are the events, whole and in odd-sized chunks', async (name) => {
    const bytes = await readGeminiFixture(name);
    const payloads = parseSse(bytes);
    expect(payloads.map((p) => (JSON.parse(p) as { candidates: { content: { parts: { text: string }[] } }[] }).candidates[0]?.content.parts[0]?.text)).toEqual(
      fixtureEventTexts(bytes),
    );
    expect(parseChunks(chunkBySizes(bytes))).toEqual(payloads);
    expect(parseChunks(chunkBySizes(bytes, [1]))).toEqual(payloads);
  });

  it.each(GEMINI_FIXTURES)('%s: cut in two at every byte offset', async (name) => {
    const bytes = await readGeminiFixture(name);
    const payloads = parseSse(bytes);
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseChunks(splitAt(bytes, [i]))).toEqual(payloads);
    }
  });

  it.each(GEMINI_FIXTURES)('%s: cut in three at a spread of offset pairs', async (name) => {
    const bytes = await readGeminiFixture(name);
    const payloads = parseSse(bytes);
    const step = Math.max(1, Math.floor(bytes.length / 40));
    for (let i = 0; i <= bytes.length; i += step) {
      for (let j = i; j <= bytes.length; j += step + 1) {
        expect(parseChunks(splitAt(bytes, [i, j]))).toEqual(payloads);
      }
    }
  });

  it('reads the same events when the stream uses LF instead of CRLF', async () => {
    const bytes = await readGeminiFixture('streaming-success-basic-reply-long');
    const lf = new TextDecoder().decode(bytes).replaceAll('\r\n', '\n');
    expect(parseSse(lf)).toEqual(parseSse(bytes));
  });
});

describe('stray lines', () => {
  it('reports lines that are neither fields nor comments, the unterminated last one included', () => {
    const stray: string[] = [];
    const parser = createSseParser({ onStrayLine: (line) => stray.push(line) });
    const events = [...parser.push('data: a\n\n{\n  "error": 1\n: comment\nevent: x\nid: 2\nretry: 5\n'), ...parser.push('}'), ...parser.end()];
    expect(events).toEqual(['a']);
    expect(stray).toEqual(['{', '  "error": 1', '}']);
  });

  it('does not report an unfinished data line at the end as stray', () => {
    const stray: string[] = [];
    const parser = createSseParser({ onStrayLine: (line) => stray.push(line) });
    expect([...parser.push('data: {"half"'), ...parser.end()]).toEqual([]);
    expect(stray).toEqual([]);
  });
});
