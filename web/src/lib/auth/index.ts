// Public face of access-token handling for the proxy.
export { browserStorage, createTokenStore, TOKEN_STORAGE_KEY, type TokenStorage, type TokenStore } from './token-store.ts';
