// Bearer-token checks for the proxy's access tokens, in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Pulls the token out of an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | null): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/** Matches presented tokens against the configured ones without leaking timing. */
export class TokenCheck {
  readonly #digests: Buffer[];

  constructor(tokens: readonly string[]) {
    this.#digests = tokens.map(digest);
  }

  /** True when tokens are configured and so every protected call needs one. */
  get required(): boolean {
    return this.#digests.length > 0;
  }

  /** True when the token is one of the configured ones (or none are required). */
  accepts(token: string | undefined): boolean {
    if (!this.required) return true;
    if (!token) return false;
    const presented = digest(token);
    let ok = false;
    for (const known of this.#digests) ok = timingSafeEqual(known, presented) || ok;
    return ok;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
