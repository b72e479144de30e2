// Remembers the proxy access token in Web Storage under one namespaced key.
// Pure over an injected Storage, so tests pass a fake and private-mode failures stay contained.

/** The localStorage key holding the access token. */
export const TOKEN_STORAGE_KEY = 'xquizit:access-token';

/** The part of the Web Storage API the store uses. */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Reads, saves and forgets the access token. */
export interface TokenStore {
  /** The saved token, or null. */
  get(): string | null;
  /** Saves a token (trimmed); an empty one forgets instead. Returns false when storage refused it. */
  set(token: string): boolean;
  /** Forgets the saved token. */
  clear(): void;
}

/** Builds a token store over `storage`; with null storage it keeps the token in memory only. */
export function createTokenStore(storage: TokenStorage | null): TokenStore {
  // Fallback copy for when storage refuses a write (quota, privacy mode): the token still works until reload.
  let memory: string | null = null;
  const clear = (): void => {
    memory = null;
    try {
      storage?.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // Storage may be unavailable (privacy settings); the in-memory copy is already gone.
    }
  };
  return {
    get() {
      try {
        const value = storage?.getItem(TOKEN_STORAGE_KEY);
        if (value) return value;
      } catch {
        // Unreadable storage: fall back to the in-memory copy.
      }
      return memory;
    },
    set(token) {
      const value = token.trim();
      if (!value) {
        clear();
        return true;
      }
      memory = value;
      if (!storage) return false;
      try {
        storage.setItem(TOKEN_STORAGE_KEY, value);
        return true;
      } catch {
        return false;
      }
    },
    clear,
  };
}

/** The browser's localStorage when it can be used, else null (sandboxed frames, some privacy modes). */
export function browserStorage(): TokenStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
