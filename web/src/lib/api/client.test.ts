// Tests for the token-aware fetch wrapper and health fetch, with a fake fetch.
import { describe, expect, it } from 'vitest';
import { createApiFetch } from './client.ts';
import { ApiError, NETWORK_ERROR, UNEXPECTED_RESPONSE } from './errors.ts';
import { fetchHealth } from './health.ts';

function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const seen: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(new URL(String(input), 'http://app.test'), init);
    seen.push(request);
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const health = {
  ok: true,
  version: '0.1.0',
  demo: false,
  auth: { required: false, authorized: true },
  llm: null,
  stt: null,
  models: null,
};

describe('createApiFetch', () => {
  it('sends the stored token as a bearer token', async () => {
    const fake = fakeFetch(() => json({}));
    await createApiFetch({ getToken: () => 'secret-1', fetch: fake.fetch })('/api/x');
    expect(fake.seen[0]?.headers.get('authorization')).toBe('Bearer secret-1');
  });

  it('sends no Authorization header without a token', async () => {
    const fake = fakeFetch(() => json({}));
    await createApiFetch({ getToken: () => null, fetch: fake.fetch })('/api/x');
    expect(fake.seen[0]?.headers.has('authorization')).toBe(false);
  });

  it('lets a call override the stored token', async () => {
    const fake = fakeFetch(() => json({}));
    const apiFetch = createApiFetch({ getToken: () => 'stored', fetch: fake.fetch });
    await apiFetch('/api/x', { token: 'candidate' });
    await apiFetch('/api/x', { token: null });
    expect(fake.seen.map((r) => r.headers.get('authorization'))).toEqual(['Bearer candidate', null]);
  });

  it('throws the proxy error as ApiError', async () => {
    const fake = fakeFetch(() => json({ error: { code: 'unauthorized', message: 'Token required.' } }, 401));
    const error = await createApiFetch({ getToken: () => null, fetch: fake.fetch })('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', message: 'Token required.' });
  });

  it('keeps the error body and headers (a relayed Gemini 429 with Retry-After)', async () => {
    const body = { error: { code: 429, status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded.' } };
    const fake = fakeFetch(() => new Response(JSON.stringify(body), { status: 429, headers: { 'retry-after': '7' } }));
    const error = await createApiFetch({ getToken: () => null, fetch: fake.fetch })('/api/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: UNEXPECTED_RESPONSE, body });
    expect((error as ApiError).headers?.get('retry-after')).toBe('7');
  });

  it('turns a failed fetch into a network_error ApiError', async () => {
    const fake = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await createApiFetch({ getToken: () => null, fetch: fake.fetch })('/api/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: NETWORK_ERROR });
  });

  it('rethrows an abort as is', async () => {
    const controller = new AbortController();
    controller.abort();
    const fake = fakeFetch((request) => {
      throw request.signal.reason;
    });
    const error = await createApiFetch({ getToken: () => null, fetch: fake.fetch })('/api/x', { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
  });
});

describe('fetchHealth', () => {
  it('returns the validated report', async () => {
    const fake = fakeFetch(() => json(health));
    const result = await fetchHealth(createApiFetch({ getToken: () => null, fetch: fake.fetch }));
    expect(result).toEqual(health);
    expect(new URL(fake.seen[0]?.url ?? '').pathname).toBe('/api/health');
  });

  it('rejects a report of the wrong shape', async () => {
    const fake = fakeFetch(() => json({ ok: true }));
    const error = await fetchHealth(createApiFetch({ getToken: () => null, fetch: fake.fetch })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE });
  });

  it('rejects a body that is not JSON', async () => {
    const fake = fakeFetch(() => new Response('<html>', { status: 200 }));
    const error = await fetchHealth(createApiFetch({ getToken: () => null, fetch: fake.fetch })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: UNEXPECTED_RESPONSE });
  });
});
