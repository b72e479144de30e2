// Tests for the ServerStatus flows (load, unreachable, try/save/forget token) with a fake proxy.
import { describe, expect, it } from 'vitest';
import { createApiFetch } from '../api/index.ts';
import { createTokenStore, type TokenStorage } from '../auth/index.ts';
import { ServerStatus, TOKEN_REJECTED } from './controller.svelte.ts';

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A fake proxy that requires `validToken` (or nothing when null) and can be switched off. */
function fakeProxy(validToken: string | null) {
  const state = { down: false };
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (state.down) throw new TypeError('Failed to fetch');
    const auth = new Headers(init?.headers).get('authorization');
    const body = {
      ok: true,
      version: 'test',
      demo: false,
      auth: { required: validToken !== null, authorized: validToken === null || auth === `Bearer ${validToken}` },
      llm: null,
      stt: null,
      models: null,
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, state };
}

function setup(validToken: string | null, storage = memoryStorage()) {
  const proxy = fakeProxy(validToken);
  const tokens = createTokenStore(storage);
  const status = new ServerStatus({ apiFetch: createApiFetch({ getToken: () => tokens.get(), fetch: proxy.fetch }), tokens });
  return { proxy, tokens, status, storage };
}

describe('ServerStatus', () => {
  it('loads the health report', async () => {
    const { status } = setup(null);
    expect(status.phase.kind).toBe('loading');
    await status.refresh();
    expect(status.phase.kind).toBe('ready');
    expect(status.busy).toBe(false);
  });

  it('reports an unreachable server, then recovers on retry', async () => {
    const { status, proxy } = setup(null);
    proxy.state.down = true;
    await status.refresh();
    expect(status.phase.kind).toBe('unreachable');
    proxy.state.down = false;
    await status.refresh();
    expect(status.phase.kind).toBe('ready');
  });

  it('does not save a rejected token', async () => {
    const { status, tokens } = setup('secret-1');
    await status.refresh();
    await status.saveToken('wrong');
    expect(status.tokenError).toBe(TOKEN_REJECTED);
    expect(tokens.get()).toBeNull();
    expect(status.hasToken).toBe(false);
  });

  it('saves an accepted token and forgets it', async () => {
    const { status, tokens } = setup('secret-1');
    await status.refresh();
    await status.saveToken(' secret-1 ');
    expect(status.tokenError).toBeNull();
    expect(tokens.get()).toBe('secret-1');
    expect(status.phase.kind === 'ready' && status.phase.health.auth.authorized).toBe(true);
    await status.forgetToken();
    expect(tokens.get()).toBeNull();
    expect(status.phase.kind === 'ready' && status.phase.health.auth.authorized).toBe(false);
  });

  it('asks for a token when the field is empty', async () => {
    const { status } = setup('secret-1');
    await status.saveToken('  ');
    expect(status.tokenError).not.toBeNull();
  });

  it('reads a token saved earlier', async () => {
    const storage = memoryStorage();
    setup('secret-1', storage).tokens.set('secret-1');
    const { status } = setup('secret-1', storage);
    expect(status.hasToken).toBe(true);
    await status.refresh();
    expect(status.phase.kind === 'ready' && status.phase.health.auth.authorized).toBe(true);
  });
});
