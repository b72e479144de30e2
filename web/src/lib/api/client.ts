// A small fetch wrapper for the proxy's /api routes: adds the bearer token, turns failures into ApiError.
// Thin adapter: the token source and fetch are injected, so tests and other callers swap them.
import { ApiError, apiErrorFromBody, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './errors.ts';

/** What an ApiClient needs from its surroundings. */
export interface ApiClientOptions {
  /** Returns the stored access token, or null when there is none. */
  getToken: () => string | null;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Prefix for every path; defaults to '' (same origin). */
  baseUrl?: string;
}

/** Per-call options on top of RequestInit. */
export interface ApiRequestInit extends RequestInit {
  /** Use this token instead of the stored one (null sends none). */
  token?: string | null;
}

/** Calls an /api path and resolves to the raw Response when it is 2xx; throws ApiError otherwise. */
export type ApiFetch = (path: string, init?: ApiRequestInit) => Promise<Response>;

/** Builds an ApiFetch bound to a token source. */
export function createApiFetch(options: ApiClientOptions): ApiFetch {
  const baseUrl = options.baseUrl ?? '';
  return async (path, init = {}) => {
    const { token: tokenOverride, ...requestInit } = init;
    const token = tokenOverride === undefined ? options.getToken() : tokenOverride;
    const headers = new Headers(requestInit.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...requestInit, headers });
    } catch (cause) {
      if (requestInit.signal?.aborted) throw cause;
      throw new ApiError(0, NETWORK_ERROR, 'The server could not be reached.');
    }
    if (response.ok) return response;
    throw apiErrorFromBody(response.status, await readJson(response), response.headers);
  };
}

/** Reads a response body as JSON, throwing ApiError when it is not JSON. */
export async function readJsonOrThrow(response: Response): Promise<unknown> {
  const body = await readJson(response);
  if (body === undefined) {
    throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'The server answered with something that is not JSON.');
  }
  return body;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
