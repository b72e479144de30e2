// Opens N concurrent LLM SSE streams (Gemini's or an OpenAI-compatible server's wire format) and measures, per chunk,
// how long after the upstream wrote it it arrived.
import http from 'node:http';

/** One LLM route's wire format: the request to send, where each chunk's write stamp is, and what ends an event. */
export interface RouteWire {
  body: string;
  headers: Record<string, string>;
  stamp: RegExp;
  separator: string;
}

/** Gemini's streamGenerateContent: stamps in `"text": "@…"`, events ended by CRLF CRLF. */
export const GEMINI_WIRE: RouteWire = {
  body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: 'Ask me the next question.' }] }] }),
  headers: { 'content-type': 'application/json', 'x-goog-api-key': 'bench-key' },
  stamp: /"text": ?"@(\d+\.\d+)"/g,
  separator: '\r\n\r\n',
};

/** Chat completions: stamps in `"content":"@…"`, events ended by LF LF. */
export const OPENAI_WIRE: RouteWire = {
  body: JSON.stringify({ model: 'fake-model', messages: [{ role: 'user', content: 'Ask me the next question.' }], stream: true }),
  headers: { 'content-type': 'application/json' },
  stamp: /"content":"@(\d+\.\d+)"/g,
  separator: '\n\n',
};

/** What one load run measured. */
export interface LoadResult {
  /** Milliseconds from the upstream's write to the client's receipt, one entry per chunk. */
  chunkLatencies: number[];
  /** Milliseconds from sending the request to the first body byte, one per stream. */
  firstByte: number[];
  chunks: number;
  bytes: number;
  seconds: number;
  failures: number;
  /** Why streams failed: an HTTP status, or the error's code. */
  failureReasons: Record<string, number>;
}

const now = () => performance.timeOrigin + performance.now();

/** Runs `streams` concurrent streaming calls against `baseUrl` + `path`, their starts spread evenly over `rampMs`. */
export async function runLoad(baseUrl: string, path: string, streams: number, rampMs: number, wire: RouteWire = GEMINI_WIRE): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const result: LoadResult = { chunkLatencies: [], firstByte: [], chunks: 0, bytes: 0, seconds: 0, failures: 0, failureReasons: {} };
  const started = now();
  const url = new URL(path, baseUrl);
  await Promise.all(
    Array.from({ length: streams }, (_, i) => new Promise((resolve) => setTimeout(resolve, (i * rampMs) / streams)).then(() => oneStream(url, agent, result, wire))),
  );
  result.seconds = (now() - started) / 1000;
  agent.destroy();
  return result;
}

function oneStream(url: URL, agent: http.Agent, result: LoadResult, wire: RouteWire): Promise<void> {
  return new Promise((resolve) => {
    const sent = now();
    const request = http.request(url, { method: 'POST', agent, headers: wire.headers }, (response) => {
      let firstSeen = false;
      let pending = '';
      if (response.statusCode !== 200) fail(result, `HTTP ${response.statusCode}`);
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        const arrived = now();
        if (!firstSeen) {
          firstSeen = true;
          result.firstByte.push(arrived - sent);
        }
        result.bytes += Buffer.byteLength(text);
        pending += text;
        const cut = pending.lastIndexOf(wire.separator);
        if (cut < 0) return;
        for (const match of pending.slice(0, cut).matchAll(wire.stamp)) {
          result.chunkLatencies.push(arrived - Number(match[1]));
          result.chunks++;
        }
        pending = pending.slice(cut + wire.separator.length);
      });
      response.on('end', resolve);
      response.on('error', (error: NodeJS.ErrnoException) => {
        fail(result, error.code ?? error.message);
        resolve();
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      fail(result, error.code ?? error.message);
      resolve();
    });
    request.end(wire.body);
  });
}

function fail(result: LoadResult, reason: string): void {
  result.failures++;
  result.failureReasons[reason] = (result.failureReasons[reason] ?? 0) + 1;
}

/** The value at quantile q (0..1) of unsorted samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
