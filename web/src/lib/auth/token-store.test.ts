// Tests for the access-token store over a fake Storage.
import { describe, expect, it } from 'vitest';
import { createTokenStore, TOKEN_STORAGE_KEY, type TokenStorage } from './token-store.ts';

class FakeStorage implements TokenStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  failReads = false;
  getItem(key: string): string | null {
    if (this.failReads) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe('createTokenStore', () => {
  it('starts empty', () => {
    expect(createTokenStore(new FakeStorage()).get()).toBeNull();
  });

  it('saves under the namespaced key, trimmed', () => {
    const storage = new FakeStorage();
    const store = createTokenStore(storage);
    expect(store.set('  secret-1 \n')).toBe(true);
    expect(storage.items.get(TOKEN_STORAGE_KEY)).toBe('secret-1');
    expect(store.get()).toBe('secret-1');
    expect(TOKEN_STORAGE_KEY.startsWith('xquizit:')).toBe(true);
  });

  it('reads a token saved earlier (survives a reload)', () => {
    const storage = new FakeStorage();
    createTokenStore(storage).set('secret-1');
    expect(createTokenStore(storage).get()).toBe('secret-1');
  });

  it('forgets', () => {
    const storage = new FakeStorage();
    const store = createTokenStore(storage);
    store.set('secret-1');
    store.clear();
    expect(store.get()).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('treats an empty token as forgetting', () => {
    const storage = new FakeStorage();
    const store = createTokenStore(storage);
    store.set('secret-1');
    store.set('   ');
    expect(store.get()).toBeNull();
  });

  it('treats an empty stored string as no token', () => {
    const storage = new FakeStorage();
    storage.items.set(TOKEN_STORAGE_KEY, '');
    expect(createTokenStore(storage).get()).toBeNull();
  });

  it('keeps the token in memory when storage refuses writes', () => {
    const storage = new FakeStorage();
    storage.failWrites = true;
    const store = createTokenStore(storage);
    expect(store.set('secret-1')).toBe(false);
    expect(store.get()).toBe('secret-1');
  });

  it('survives unreadable storage', () => {
    const storage = new FakeStorage();
    const store = createTokenStore(storage);
    store.set('secret-1');
    storage.failReads = true;
    expect(store.get()).toBe('secret-1');
  });

  it('works without storage at all', () => {
    const store = createTokenStore(null);
    expect(store.set('secret-1')).toBe(false);
    expect(store.get()).toBe('secret-1');
    store.clear();
    expect(store.get()).toBeNull();
  });
});
