// Which precompressed copy of a static file to send, from the request's Accept-Encoding: pure, table-tested.

/** The encodings the build writes beside a file (web/build/precompress.ts): brotli `.br` and gzip `.gz`. */
export type StoredEncoding = 'br' | 'gzip';

/** What a file has beside it. */
export interface StoredCopies {
  br: boolean;
  gzip: boolean;
}

/** The file name suffix of each stored encoding. */
export const ENCODING_SUFFIX: Readonly<Record<StoredEncoding, string>> = { br: '.br', gzip: '.gz' };

/**
 * The encoding to send: the acceptable stored one with the highest q-value, brotli on a tie (smaller), or null for
 * the file as it is. `*` covers encodings not named; `q=0` refuses one (RFC 9110 section 12.5.3).
 */
export function chooseEncoding(acceptEncoding: string | null, copies: StoredCopies): StoredEncoding | null {
  if (!acceptEncoding || (!copies.br && !copies.gzip)) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name === 'x-gzip' ? 'gzip' : name, q === undefined ? 1 : Number(q));
  }
  const weightOf = (name: StoredEncoding) => weights.get(name) ?? weights.get('*') ?? 0;
  let best: StoredEncoding | null = null;
  for (const encoding of ['br', 'gzip'] as const) {
    if (!copies[encoding] || weightOf(encoding) <= 0) continue;
    if (best === null || weightOf(encoding) > weightOf(best)) best = encoding;
  }
  return best;
}
