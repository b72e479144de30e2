// Serves the built web app (web/dist) and the optional model folder (MODELS_DIR at /models/): safe path
// resolution, SPA fallback for the app, cache rules, ETags, and the app's precompressed brotli and gzip copies.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { H3Event } from 'h3';
import { errorResponse } from '../http/errors.ts';
import { respond } from '../http/respond.ts';
import { chooseEncoding, ENCODING_SUFFIX, type StoredEncoding } from './content-encoding.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Extensions the build writes .br and .gz copies for (web/build/precompress.ts); only these are looked for. */
const PRECOMPRESSED = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.wasm']);

/** Files that must be revalidated on every load so a new release is picked up. */
const ALWAYS_REVALIDATE = new Set(['/index.html', '/sw.js', '/registerSW.js', '/manifest.webmanifest']);

/** Resolves a URL path inside `root`, or undefined when it would escape it or is malformed. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const base = resolve(root);
  const full = resolve(join(base, decoded));
  return full === base || full.startsWith(base + sep) ? full : undefined;
}

/** The Cache-Control value for a served path. */
export function cacheControlFor(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  if (ALWAYS_REVALIDATE.has(urlPath)) return 'no-cache';
  return 'public, max-age=3600';
}

/** Answers GET/HEAD for the app's files; unknown extension-less paths get index.html (SPA routing). */
export function staticHandler(webDist: string | undefined) {
  return async (event: H3Event): Promise<Response> => {
    if (!webDist) return notBuilt();
    const urlPath = event.url.pathname;
    const requested = resolveInside(webDist, urlPath === '/' ? '/index.html' : urlPath);
    if (!requested) return errorResponse(400, 'bad_request', 'That path is not allowed.');
    const found = await fileAt(requested);
    if (found) return send(event, await withStoredCopy(event, found), urlPath === '/' ? '/index.html' : urlPath);
    if (extname(urlPath) !== '') return errorResponse(404, 'not_found', `There is no file at ${urlPath}.`);
    const index = await fileAt(join(webDist, 'index.html'));
    return index ? send(event, await withStoredCopy(event, index), '/index.html') : notBuilt();
  };
}

interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** A file to send: the original, or a precompressed copy of it. */
interface Representation {
  /** The original file: its name decides the content type. */
  file: FoundFile;
  /** What is actually read and sent: the original, or its `.br` / `.gz` copy. */
  body: FoundFile;
  encoding: StoredEncoding | null;
  /** Whether copies exist, so the answer depends on Accept-Encoding (and caches must know it). */
  varies: boolean;
}

/** Picks the copy the client accepts best (brotli, gzip, or the file itself), when the build made copies. */
async function withStoredCopy(event: H3Event, file: FoundFile): Promise<Representation> {
  if (!PRECOMPRESSED.has(extname(file.path).toLowerCase())) return { file, body: file, encoding: null, varies: false };
  // A copy older than its file is stale (the file was changed after the build): it is not sent.
  const fresh = (copy: FoundFile | undefined) => (copy && copy.mtimeMs >= file.mtimeMs ? copy : undefined);
  const [br, gzip] = (await Promise.all([fileAt(file.path + ENCODING_SUFFIX.br), fileAt(file.path + ENCODING_SUFFIX.gzip)])).map(fresh);
  if (!br && !gzip) return { file, body: file, encoding: null, varies: false };
  const encoding = chooseEncoding(event.req.headers.get('accept-encoding'), { br: br !== undefined, gzip: gzip !== undefined });
  const body = encoding === 'br' ? br : encoding === 'gzip' ? gzip : file;
  return { file, body: body ?? file, encoding: body ? encoding : null, varies: true };
}

async function fileAt(path: string): Promise<FoundFile | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The URL prefix model files are served under. */
export const MODELS_PREFIX = '/models/';

/** Model files change rarely and the app keeps its own cached copy; an hour, then revalidate by ETag. */
const MODEL_CACHE_CONTROL = 'public, max-age=3600';

/** Answers GET/HEAD for `/models/**` from `modelsDir`; no fallback: a missing file is a 404. */
export function modelsHandler(modelsDir: string | undefined) {
  return async (event: H3Event): Promise<Response> => {
    if (!modelsDir) return errorResponse(404, 'not_found', 'This server does not serve model files: set MODELS_DIR to serve a folder at /models/.');
    const inner = event.url.pathname.slice(MODELS_PREFIX.length - 1);
    const requested = resolveInside(modelsDir, inner);
    if (!requested) return errorResponse(400, 'bad_request', 'That path is not allowed.');
    const found = await fileAt(requested);
    if (!found) return errorResponse(404, 'not_found', `There is no model file at ${event.url.pathname}.`);
    return send(event, { file: found, body: found, encoding: null, varies: false }, event.url.pathname, MODEL_CACHE_CONTROL);
  };
}

/** Each encoding's ETag differs (RFC 9110 section 8.8.3): a cache must not answer a gzip request with brotli bytes. */
function etagOf(body: FoundFile, encoding: StoredEncoding | null): string {
  return `W/"${body.size.toString(16)}-${Math.floor(body.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
}

function send(event: H3Event, { file, body, encoding, varies }: Representation, urlPath: string, cacheControl = cacheControlFor(urlPath)): Response {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag: etagOf(body, encoding),
  };
  if (varies) headers.vary = 'Accept-Encoding';
  if (encoding) headers['content-encoding'] = encoding;
  if (event.req.headers.get('if-none-match') === headers.etag) return respond(null, { status: 304, headers });
  if (event.req.method === 'HEAD') return respond(null, { headers: { ...headers, 'content-length': String(body.size) } });
  return respond(createReadStream(body.path), { headers: { ...headers, 'content-length': String(body.size) } });
}

function notBuilt(): Response {
  return errorResponse(404, 'not_found', 'The web app is not built: run `pnpm start` (or `pnpm --filter @xquizit/web build`), or set WEB_DIST.');
}
