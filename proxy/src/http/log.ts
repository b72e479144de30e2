// One-line logs that never carry request bodies and scrub every configured secret.

/** Where log lines go; a function so tests can capture them. */
export type LogSink = (line: string) => void;

/** A logger bound to the secrets it must never print. */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** Creates a logger that replaces any secret with `[redacted]` before writing. */
export function createLogger(secrets: readonly string[], sink: LogSink = batchedStdout()): Logger {
  const scrub = scrubber(secrets);
  return {
    info: (message) => sink(scrub(message)),
    error: (message) => sink(scrub(`error: ${message}`)),
  };
}

/**
 * A sink that writes to stdout once per turn of the event loop, however many lines came in it: a write per line
 * is a system call per request, paid while a burst of requests queues.
 */
export function batchedStdout(): LogSink {
  let pending = '';
  const flush = () => {
    const text = pending;
    pending = '';
    process.stdout.write(text);
  };
  return (line) => {
    if (pending === '') setImmediate(flush);
    pending += `${line}\n`;
  };
}

/** Returns a function that replaces each secret in a string with `[redacted]`. */
export function scrubber(secrets: readonly string[]): (text: string) => string {
  const ordered = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => {
    let out = text;
    for (const secret of ordered) out = out.split(secret).join('[redacted]');
    return out;
  };
}
