// Budget keys: a token is never stored as itself.
import { describe, expect, it } from 'vitest';
import { clientKey } from './keys.ts';

describe('clientKey', () => {
  it('keys a token by a digest that does not contain it, the same one each time', () => {
    const key = clientKey('secret-token-123', '10.0.0.1');
    expect(key).toMatch(/^token:[0-9a-f]{32}$/);
    expect(key).not.toContain('secret-token-123');
    expect(clientKey('secret-token-123', '10.0.0.2')).toBe(key);
    expect(clientKey('other-token', '10.0.0.1')).not.toBe(key);
  });

  it('keys a request without a token by its address', () => {
    expect(clientKey(undefined, '10.0.0.1')).toBe('ip:10.0.0.1');
    expect(clientKey(undefined, undefined)).toBe('ip:unknown');
  });
});
